// The offline page's only script (a file, so the page's CSP needs no inline code): go back to
// the page the trader wanted as soon as the browser says the network is back.
function retry() {
  window.location.reload();
}
window.addEventListener("online", retry);
document.getElementById("retry")?.addEventListener("click", retry);
