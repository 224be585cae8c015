/**
 * Served as /__bridge.js: gives the page the same `window.api` the Electron preload gives,
 * carried over fetch (calls) and EventSource (events) to this loopback server.
 */
export const BRIDGE_CLIENT_JS = `(() => {
  const listeners = new Map();
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/events');
    source.onmessage = (m) => {
      try {
        const { event, payload } = JSON.parse(m.data);
        for (const l of listeners.get(event) || []) l(payload);
      } catch (e) { console.error(e); }
    };
  }
  window.api = {
    async invoke(name, input) {
      try {
        const res = await fetch('/rpc/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined ? {} : input),
          credentials: 'same-origin',
        });
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Mất kết nối tới phần xử lý dữ liệu: ' + e } };
      }
    },
    on(event, listener) {
      ensureEvents();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  };
})();`;
