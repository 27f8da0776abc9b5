import { initAll } from "/lib/govuk/govuk-frontend.min.js";

initAll();

// Regions marked data-refresh-url keep themselves current while work is under way (a referral's
// legs as each agency's adapter takes them): the region is re-fetched until it says it is settled,
// quickly at first, then less often, and not after ten minutes. Each fetch sends the correlation id
// of the request that showed the page (data-correlation-id): the hub audits the page's read once
// and takes each refresh as the same action.
const firstDelay = 1500;
const longestDelay = 30000;
const giveUpAfter = 10 * 60 * 1000;
for (const region of document.querySelectorAll("[data-refresh-url]")) {
  const started = Date.now();
  let delay = firstDelay;
  const refresh = async () => {
    if (region.dataset.settled === "true") return;
    const headers = { Accept: "text/html" };
    if (region.dataset.correlationId) headers["X-Correlation-Id"] = region.dataset.correlationId;
    const response = await fetch(region.dataset.refreshUrl, { headers, credentials: "same-origin" });
    if (response.ok) {
      const next = new DOMParser().parseFromString(await response.text(), "text/html").body.firstElementChild;
      if (next) {
        region.innerHTML = next.innerHTML;
        region.dataset.settled = next.dataset.settled ?? "false";
      }
    }
    delay = Math.min(delay * 2, longestDelay);
    if (region.dataset.settled !== "true" && Date.now() - started < giveUpAfter) setTimeout(refresh, delay);
  };
  setTimeout(refresh, delay);
}
