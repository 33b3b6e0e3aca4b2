/**
 * A user agent as a person would name their device: "Chrome 126 on Windows", "Safari on iPhone",
 * "API client (node)". Good enough to recognise one's own sessions; not a full parser.
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const ua = userAgent;
  const os = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /Mac OS X|Macintosh/.test(ua)
            ? "macOS"
            : /CrOS/.test(ua)
              ? "ChromeOS"
              : /Linux/.test(ua)
                ? "Linux"
                : null;
  const browser = readBrowser(ua);
  if (browser && os) return `${browser} on ${os}`;
  if (browser) return browser;
  const tool = /^([A-Za-z][\w.-]*)\/?([\d.]*)/.exec(ua);
  if (tool?.[1]) return `API client (${tool[1]})`;
  return os ?? "Unknown device";
}

function readBrowser(ua: string): string | null {
  const tests: Array<[RegExp, string]> = [
    [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
    [/OPR\/(\d+)/, "Opera"],
    [/Firefox\/(\d+)/, "Firefox"],
    [/FxiOS\/(\d+)/, "Firefox"],
    [/CriOS\/(\d+)/, "Chrome"],
    [/HeadlessChrome\/(\d+)/, "Headless Chrome"],
    [/Chrome\/(\d+)/, "Chrome"],
    [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
  ];
  for (const [pattern, name] of tests) {
    const match = pattern.exec(ua);
    if (match) return `${name} ${match[1] ?? ""}`.trim();
  }
  return null;
}
