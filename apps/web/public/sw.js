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

// A fired price alert sent by Web Push (ADR 040): the server encrypts { title, body, url, tag }
// to this browser's subscription; the browser decrypts it and wakes this worker even when no
// page of the app is open. A payload that is not ours still shows something rather than
// nothing (a push that shows no notification can cost the site its permission).
self.addEventListener("push", (event) => {
  const message = readPushMessage(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: message.url },
    }),
  );
});

// A click opens the alert's market: a tab of the app already open is navigated and focused,
// otherwise a new one. Only a path on this origin is followed.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? "/", self.location.origin);
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(openPage(target));
});

function readPushMessage(data) {
  const fallback = { title: "CryptoTrade", body: "", url: "/", tag: "cryptotrade" };
  if (!data) return fallback;
  try {
    const parsed = data.json();
    return {
      title: typeof parsed.title === "string" ? parsed.title : fallback.title,
      body: typeof parsed.body === "string" ? parsed.body : "",
      url: typeof parsed.url === "string" && parsed.url.startsWith("/") ? parsed.url : "/",
      tag: typeof parsed.tag === "string" ? parsed.tag : fallback.tag,
    };
  } catch {
    return { ...fallback, body: data.text() };
  }
}

async function openPage(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    const navigated = await open.navigate(url).catch(() => null);
    return (navigated ?? open).focus();
  }
  return self.clients.openWindow(url);
}

// Storing must not delay the answer; a failed store only means a later network fetch.
function storeQuietly(promise) {
  promise.catch(() => {});
}
