/* global document, location, DOMParser, Element, HTMLInputElement */
// Progressive enhancement only: every page works without this file.
// 1. Live regions ([data-live]) refresh by fetching the same page and swapping their content.
// 2. Copy buttons ([data-copy]) copy the value of the input they name.
(() => {
  const regions = [...document.querySelectorAll('[data-live]')];
  const interval = Number(document.body.dataset.poll ?? '2000');
  let busy = false;

  async function refresh() {
    if (busy || document.hidden) return;
    busy = true;
    try {
      const response = await fetch(location.href, { headers: { 'x-live': '1' }, credentials: 'same-origin' });
      if (response.status === 401) return location.assign('/sign-in');
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of regions) {
        const next = fresh.querySelector(`[data-live="${region.dataset.live}"]`);
        if (next !== null && next.innerHTML !== region.innerHTML) region.innerHTML = next.innerHTML;
      }
    } catch {
      // A failed poll is retried on the next tick.
    } finally {
      busy = false;
    }
  }
  if (regions.length > 0 && interval > 0) setInterval(refresh, interval);

  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
    if (button === null) return;
    const source = document.getElementById(button.getAttribute('data-copy') ?? '');
    if (!(source instanceof HTMLInputElement)) return;
    try {
      await navigator.clipboard.writeText(source.value);
      button.textContent = 'Copied';
    } catch {
      source.select();
      button.textContent = 'Press Ctrl+C';
    }
  });
})();
