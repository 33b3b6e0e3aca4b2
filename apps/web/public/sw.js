// The offline app shell (issue 13). Hashed build files (/assets/*) are cached as they are
// fetched and served from the cache afterwards (their names change with their content); a
// page navigation goes to the network and, when the network is gone, gets the offline page.
// Nothing else is cached: never /trpc or /ws (live data and money), never a page's HTML (it
// carries a per-request CSP nonce and the trader's data).
const VERSION = "ct-shell-v2";
const SHELL = ["/offline.html", "/offline.js", "/favicon.svg", "/icons/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== VERSION).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (/^\/(trpc|ws)(\/|$)/.test(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => offlinePage()));
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cachedAsset(request));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(freshShellFile(request, url.pathname));
  }
});

async function offlinePage() {
  const cached = await caches.match("/offline.html");
  return (
    cached ??
    new Response("You are offline.", { status: 503, headers: { "content-type": "text/plain" } })
  );
}

// The offline page and its files: the network's copy when there is one (kept for later), the
// cached copy otherwise, so a new deploy's offline page replaces the old without a new worker.
async function freshShellFile(request, path) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      storeQuietly(caches.open(VERSION).then((cache) => cache.put(path, copy)));
    }
    return response;
  } catch {
    return (await caches.match(path)) ?? Response.error();
  }
}

async function cachedAsset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    storeQuietly(caches.open(VERSION).then((cache) => cache.put(request, copy)));
  }
  return response;
}

// Storing must not delay the answer; a failed store only means a later network fetch.
function storeQuietly(promise) {
  promise.catch(() => {});
}
