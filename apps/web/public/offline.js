// The offline page's only script (a file, so the page's CSP needs no inline code): go back to
// the page the trader wanted once the exchange answers again. The browser's "online" event
// can come before requests work, so the health check decides, and it is tried again every few
// seconds while the browser thinks it is online.

// The theme the trader chose on the site (its cookie), over the system's.
const chosen = document.cookie.match(/(?:^|;\s*)theme=(light|dark)/)?.[1];
if (chosen) document.documentElement.classList.add(chosen);

let checking = false;

async function returnWhenReachable() {
  if (checking) return;
  checking = true;
  try {
    const response = await fetch("/healthz", { cache: "no-store" });
    if (response.ok) {
      window.location.reload();
      return;
    }
  } catch {
    // Still offline: the next "online" event or tick tries again.
  }
  checking = false;
}

// The service worker shows this page in place of the one asked for, at that page's address;
// opened at its own address there is nothing to return to, and reloading would loop.
if (window.location.pathname !== "/offline.html") {
  window.addEventListener("online", returnWhenReachable);
  setInterval(() => {
    if (navigator.onLine) returnWhenReachable();
  }, 2000);
}
document.getElementById("retry")?.addEventListener("click", () => window.location.reload());
