import { initAll } from "/lib/govuk/govuk-frontend.min.js";

initAll();

// Regions marked data-refresh-url keep themselves current while work is under way (a referral's
// legs as each agency's adapter takes them): the region is re-fetched until it says it is settled.
for (const region of document.querySelectorAll("[data-refresh-url]")) {
  const refresh = async () => {
    if (region.dataset.settled === "true") return;
    const response = await fetch(region.dataset.refreshUrl, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html").body.firstElementChild;
    if (next) {
      region.innerHTML = next.innerHTML;
      region.dataset.settled = next.dataset.settled ?? "false";
    }
    if (region.dataset.settled !== "true") setTimeout(refresh, 1500);
  };
  setTimeout(refresh, 1500);
}
