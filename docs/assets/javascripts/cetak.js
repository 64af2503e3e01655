// The print buttons of the trainers' pages (/kit-webinar/, /selebaran/), rendered hidden by
// akun_diblokir/templates/kit-tombol-cetak.html: shown only when this script runs, they open
// the browser's print dialog. A file, not an inline handler: the Content-Security-Policy
// allows no inline code.
for (const button of document.querySelectorAll("button[data-cetak]")) {
  button.hidden = false
  button.addEventListener("click", () => window.print())
}
