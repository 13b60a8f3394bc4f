import { useEffect, useRef, useState } from 'react';
import { fetchMe } from '../../api/auth';
import { CTI_STREAM_URL, type CallView, fetchCurrentCalls } from '../../api/cti';

export type StreamStatus = 'connecting' | 'connected' | 'reconnecting';

/** No event (not even a ping, sent every 15 s) for this long means the connection is dead. */
const SILENCE_MS = 45_000;
const MAX_RETRY_MS = 15_000;

/**
 * The live CTI connection (GET /api/cti/stream). Reconnects with backoff when the stream closes or
 * falls silent; on every (re)connect it also reads GET /api/cti/calls/current so a call that rang
 * while the page was away (or being reloaded) is restored.
 */
export function useCallStream(
  onCall: (call: CallView) => void,
  onRestore: (calls: CallView[]) => void,
): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const onCallRef = useRef(onCall);
  onCallRef.current = onCall;
  const onRestoreRef = useRef(onRestore);
  onRestoreRef.current = onRestore;

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let watchdog: number | undefined;
    let attempt = 0;
    let stopped = false;

    const deliver = (call: CallView) => onCallRef.current(call);
    const restore = () =>
      fetchCurrentCalls()
        .then((result) => {
          if (!stopped) onRestoreRef.current(result.items);
        })
        .catch(() => {});

    const scheduleRetry = () => {
      window.clearTimeout(retryTimer);
      window.clearTimeout(watchdog);
      if (stopped) return;
      const delay = Math.min(MAX_RETRY_MS, 1_000 * 2 ** attempt);
      attempt += 1;
      retryTimer = window.setTimeout(connect, delay);
    };

    const alive = () => {
      window.clearTimeout(watchdog);
      watchdog = window.setTimeout(() => {
        setStatus('reconnecting');
        source?.close();
        scheduleRetry();
      }, SILENCE_MS);
    };

    function connect() {
      if (stopped) return;
      source = new EventSource(CTI_STREAM_URL);
      source.onopen = () => {
        attempt = 0;
        setStatus('connected');
        alive();
        void restore();
      };
      source.addEventListener('call', (event) => {
        alive();
        try {
          deliver(JSON.parse((event as MessageEvent<string>).data) as CallView);
        } catch {
          // A malformed event is ignored; the next one (or the restore on reconnect) corrects the state.
        }
      });
      source.addEventListener('ping', alive);
      // The server ended the stream because the session is over: stop, and let the next API call take
      // the user to the login page (the client's 401 handling does that).
      source.addEventListener('session_ended', () => {
        stopped = true;
        window.clearTimeout(watchdog);
        source?.close();
        void fetchMe().catch(() => {});
      });
      source.onerror = () => {
        if (stopped) return;
        setStatus('reconnecting');
        // The browser retries by itself unless the server refused the stream (then it is CLOSED).
        if (source?.readyState === EventSource.CLOSED) scheduleRetry();
      };
    }

    void restore();
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retryTimer);
      window.clearTimeout(watchdog);
      source?.close();
    };
  }, []);

  return status;
}
