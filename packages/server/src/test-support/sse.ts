export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Opens an event stream (text/event-stream) with fetch and collects its events (comments are skipped). */
export async function openStream(baseUrl: string, path: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let ended = false;
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
    ended = true;
  })();
  /** Waits for the n-th (1-based) event matching `pred`. */
  const waitFor = async (pred: (e: SseEvent) => boolean, n = 1, ms = 5000) => {
    const end = Date.now() + ms;
    for (;;) {
      const found = events.filter(pred);
      if (found.length >= n) return found[n - 1] as SseEvent;
      if (Date.now() > end) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { res, events, waitFor, ended: () => ended, close: () => controller.abort() };
}
