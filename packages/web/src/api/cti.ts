import { api } from './client';

/** CTI (screen pop): the switch's call events for the logged-in agent. */

export type CallState = 'ringing' | 'answered' | 'ended';

export interface CallView {
  callId: string;
  caller: string | null;
  state: CallState;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  cause: string | null;
}

export interface CtiEvent {
  type: 'newCall' | 'answer' | 'hangup';
  callId: string;
  caller?: string;
  agent: string;
  at?: string;
  cause?: string;
}

/** The live event stream (text/event-stream): `call` events carry a CallView, `ping` keeps it alive. */
export const CTI_STREAM_URL = '/api/cti/stream';

export const postCtiEvent = (event: CtiEvent) => api.post<{ delivered: number }>('/api/cti/events', event);

export const fetchCurrentCalls = () => api.get<{ items: CallView[] }>('/api/cti/calls/current');
