import { getFormatter, getTranslations } from 'next-intl/server';
import type { FormState } from '@/components/forms/form-state';
import type { ApiKeyListRow } from '@/lib/api-keys/queries';
import { ApiKeyStatus } from './ApiKeyStatus';
import { RevokeApiKey } from './RevokeApiKey';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export async function ApiKeysTable({ keys, revokeAction }: { keys: ApiKeyListRow[]; revokeAction: Action }) {
  const t = await getTranslations('apiKeys');
  const format = await getFormatter();
  const when = (date: Date | null, fallback: string) =>
    date ? <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' })}</time> : fallback;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-start text-lg font-semibold">{t('listTitle')}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="p-2 text-start">{t('name')}</th>
            <th scope="col" className="p-2 text-start">{t('prefix')}</th>
            <th scope="col" className="p-2 text-start">{t('scopes')}</th>
            <th scope="col" className="p-2 text-start">{t('createdAt')}</th>
            <th scope="col" className="p-2 text-start">{t('lastUsed')}</th>
            <th scope="col" className="p-2 text-start">{t('expires')}</th>
            <th scope="col" className="p-2 text-start">{t('status')}</th>
            <th scope="col" className="p-2 text-start">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-b border-line align-top">
              <th scope="row" className="p-2 text-start font-medium">{key.name}</th>
              <td className="p-2">
                <code className="font-mono" dir="ltr">smm_{key.prefix}_…</code>
              </td>
              <td className="p-2">
                <span dir="ltr">{key.scopes.join(', ')}</span>
              </td>
              <td className="p-2">{when(key.createdAt, '')}</td>
              <td className="p-2">{when(key.lastUsedAt, t('never'))}</td>
              <td className="p-2">{when(key.expiresAt, t('noExpiry'))}</td>
              <td className="p-2">
                <ApiKeyStatus status={key.status} />
              </td>
              <td className="p-2">
                <RevokeApiKey keyId={key.id} name={key.name} revoked={key.status === 'revoked'} action={revokeAction} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
