import { discord } from './discord';
import { email } from './email';
import { slack } from './slack';
import type { Provider } from './types';
import { webhook } from './webhook';

// Each provider is typed by its own config; the registry only needs the common shape.
export type AnyProvider = Provider<unknown, unknown, unknown>;

export const PROVIDERS = { discord, slack, email, webhook } as unknown as Record<'discord' | 'slack' | 'email' | 'webhook', AnyProvider>;
