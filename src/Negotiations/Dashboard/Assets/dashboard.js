// The Negotiations dashboard's only script: the time slider, live updates from /api/feed, and refreshing
// the page's content in place. Without it the pages still work: the time form is a plain GET form.
(() => {
  "use strict";

  const content = document.getElementById("content");
  const form = document.getElementById("time-form");
  const asOfInput = document.getElementById("asOf");
  const knownAtInput = document.getElementById("knownAt");
  const releaseInput = document.getElementById("release"); // only when there are releases
  const liveState = document.getElementById("live-state");
  const liveList = document.getElementById("live-list");
  const understandingId = document.body.dataset.understandingId || null;
  let lastEvent = Number(content.dataset.lastEvent || document.body.dataset.lastEvent || 0);

  // ---- time controls -------------------------------------------------------------------------------
  // Empty fields are left out of the URL, so a shared link names only what was chosen.
  form.addEventListener("submit", () => {
    for (const input of [asOfInput, knownAtInput, releaseInput]) if (input && !input.value) input.disabled = true;
  });
  // A release cuts the record where it was frozen, instead of a moment: choosing one clears the moment, and back.
  if (releaseInput) {
    releaseInput.addEventListener("change", () => { if (releaseInput.value) knownAtInput.value = ""; });
    knownAtInput.addEventListener("change", () => { if (knownAtInput.value) releaseInput.value = ""; });
  }

  const slider = document.getElementById("slider");
  const range = document.getElementById("day-slider");
  const rangeValue = document.getElementById("day-slider-value");
  const days = JSON.parse(slider.dataset.days || "[]");
  const dayText = (iso) => new Date(iso + "T00:00:00Z").toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const stopText = (stop) => (stop < days.length ? dayText(days[stop]) : "now");
  if (days.length > 0) slider.hidden = false;

  range.addEventListener("input", () => {
    const text = stopText(Number(range.value));
    rangeValue.textContent = text;
    range.setAttribute("aria-valuetext", text);
  });
  range.addEventListener("change", () => {
    const stop = Number(range.value);
    navigate({ asOf: stop < days.length ? days[stop] : null });
  });

  function syncControls() {
    const params = new URLSearchParams(location.search);
    asOfInput.value = params.get("asOf") || "";
    const knownAt = params.get("knownAt");
    knownAtInput.value = knownAt ? knownAt.replace(/Z$/, "").slice(0, 19) : "";
    if (releaseInput) releaseInput.value = params.get("release") || "";
    const asOf = params.get("asOf");
    let stop = days.length;
    if (asOf) { stop = 0; days.forEach((d, i) => { if (d <= asOf) stop = i; }); }
    range.value = String(stop);
    rangeValue.textContent = stopText(stop);
    range.setAttribute("aria-valuetext", stopText(stop));
    for (const link of document.querySelectorAll("header.site a[href^='/']:not([href^='/scalar'])")) link.setAttribute("href", "/" + location.search);
  }

  function navigate(changes) {
    const params = new URLSearchParams(location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value) params.set(name, value); else params.delete(name);
    }
    const query = params.toString();
    history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
    syncControls();
    refresh();
  }
  window.addEventListener("popstate", () => { syncControls(); refresh(); });

  // ---- refreshing the content in place -------------------------------------------------------------
  let refreshing = null, again = false, retries = 0, timer = null;

  function scheduleRefresh(delay = 200) {
    clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  }

  async function refresh() {
    if (refreshing) { again = true; return refreshing; }
    refreshing = (async () => {
      try {
        const response = await fetch(location.href, { headers: { Accept: "text/html" }, cache: "no-store" });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("content");
        if (!fresh) return;
        const seen = new Set([...content.querySelectorAll("[data-event-id]")].map((e) => e.dataset.eventId));
        content.innerHTML = fresh.innerHTML;
        document.dispatchEvent(new CustomEvent("dashboard:refreshed"));
        content.dataset.behind = fresh.dataset.behind;
        lastEvent = Math.max(lastEvent, Number(fresh.dataset.lastEvent || 0));
        content.dataset.lastEvent = String(lastEvent);
        if (seen.size > 0)
          for (const entry of content.querySelectorAll("[data-event-id]"))
            if (!seen.has(entry.dataset.eventId)) entry.classList.add("fresh-entry");
        document.title = page.title;
        // A read model still catching up: ask again shortly, a bounded number of times.
        if (fresh.dataset.behind === "true" && retries < 20) { retries++; scheduleRefresh(500); } else retries = 0;
      } catch (error) {
        liveState.textContent = "Could not refresh the page: " + error.message;
      }
    })();
    await refreshing;
    refreshing = null;
    if (again) { again = false; refresh(); }
  }

  // ---- live updates ---------------------------------------------------------------------------------
  const eventWords = (type) => {
    const words = String(type || "development").replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const occurredText = (occurred) => {
    if (!occurred) return "";
    const from = typeof occurred === "string" ? occurred : occurred.from;
    if (!from) return "";
    const to = typeof occurred === "object" && occurred.precision === "range" && occurred.to && occurred.to !== from ? occurred.to : null;
    return to ? `${dayText(from)} – ${dayText(to)}` : dayText(from);
  };
  // "As known at" a moment already past: what was known then cannot change any more.
  const frozen = () => {
    if (new URLSearchParams(location.search).get("release")) return true; // a release never changes
    const knownAt = new URLSearchParams(location.search).get("knownAt");
    if (!knownAt) return false;
    const moment = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(knownAt) ? knownAt : knownAt + "Z");
    return !Number.isNaN(moment) && moment < Date.now();
  };

  function onFeed(event) {
    let data = {};
    try { data = JSON.parse(event.data); } catch { /* a message without JSON still counts */ }
    const sequence = Number(event.lastEventId || data.sequence || 0);
    const ids = Array.isArray(data.understandingIds) ? data.understandingIds : [];
    const concerns = !understandingId || ids.length === 0 || ids.includes(understandingId) || event.type === "correction";

    const item = document.createElement("li");
    const what = document.createElement("strong");
    what.textContent = (event.type === "correction" ? "Correction: " : "") + eventWords(data.eventType);
    item.append(what);
    const details = [data.concept, occurredText(data.occurred)].filter(Boolean).join(" · ");
    if (details) item.append(" — " + details);
    if (!concerns) item.append(" (another understanding)");
    liveList.prepend(item);
    // A refresh already read after this event shows it.
    if (concerns && !frozen() && !(sequence && sequence <= lastEvent)) scheduleRefresh();
  }

  if ("EventSource" in window) {
    // Start right after the last event the page was read at, so nothing recorded in between is missed;
    // when the browser reconnects it resumes by itself with Last-Event-ID.
    const feed = new EventSource("/api/feed?after=" + encodeURIComponent(String(lastEvent)));
    feed.addEventListener("open", () => {
      liveState.textContent = frozen()
        ? "Connected. This view is as known at a past moment: new developments are listed here but do not change it."
        : "Connected: new developments appear without a reload.";
    });
    feed.addEventListener("error", () => {
      liveState.textContent = feed.readyState === EventSource.CLOSED ? "Live updates stopped; reload the page." : "Reconnecting to live updates…";
    });
    for (const type of ["development", "correction", "status"]) feed.addEventListener(type, onFeed);
  } else {
    liveState.textContent = "This browser cannot receive live updates; reload the page to see new developments.";
  }
})();
