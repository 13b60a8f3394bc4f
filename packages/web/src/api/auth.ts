import { api } from './client';
import type { LoginResponse, User } from './types';

export const login = (username: string, password: string) =>
  api.post<LoginResponse>('/api/auth/login', { username, password });

export const logout = () => api.post<void>('/api/auth/logout');

export const fetchMe = async (): Promise<User> => (await api.get<{ user: User }>('/api/auth/me')).user;
