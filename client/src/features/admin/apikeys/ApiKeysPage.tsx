import { useState } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import { AdminApiKeysDocument, AdminCreateApiKeyDocument, AdminRevokeApiKeyDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { ApiKeysPageView, type NewKey } from "./ApiKeysPageView";

/** API keys for integrators: made here, shown once, revoked at once. */
export function ApiKeysPage() {
  useTitle("Admin · API keys");
  const keys = useQuery(AdminApiKeysDocument, { fetchPolicy: "cache-and-network" });
  const [create, creating] = useMutation(AdminCreateApiKeyDocument);
  const [revoke] = useMutation(AdminRevokeApiKeyDocument);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [error, setError] = useState<string | undefined>();

  const onCreate = async (k: NewKey) => {
    setError(undefined);
    try {
      const expiresAt = k.expiresInDays ? new Date(Date.now() + k.expiresInDays * 86_400_000).toISOString() : undefined;
      const r = await create({ variables: { input: { name: k.name, scopes: k.scopes, expiresAt } } });
      if (r.data) setSecret({ name: r.data.createApiKey.key.name, value: r.data.createApiKey.secret });
      await keys.refetch();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  return (
    <ApiKeysPageView
      keys={keys.data?.apiKeys}
      loading={keys.loading}
      error={keys.error && !keys.data ? errorMessage(keys.error) : undefined}
      formError={error}
      creating={creating.loading}
      secret={secret}
      onDismissSecret={() => setSecret(null)}
      onCreate={onCreate}
      onRevoke={async (id) => {
        await revoke({ variables: { id } }).catch((e) => setError(errorMessage(e)));
      }}
      onRetry={() => void keys.refetch().catch(() => {})}
    />
  );
}
