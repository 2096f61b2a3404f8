import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import {
  AdminCreateUserDocument,
  AdminDeleteUserDocument,
  AdminResetPasswordDocument,
  AdminUpdateUserDocument,
  AdminUsersDocument,
  AdminZonesDocument,
} from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { UsersPageView } from "./UsersPageView";

/** Everyone who signs in: create, change role or zone, disable, reset passwords, delete. */
export function UsersPage({ meId }: { meId: string }) {
  useTitle("Admin · Users");
  const users = useQuery(AdminUsersDocument, { fetchPolicy: "cache-and-network" });
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const [create] = useMutation(AdminCreateUserDocument, { refetchQueries: [AdminUsersDocument] });
  const [update] = useMutation(AdminUpdateUserDocument);
  const [reset] = useMutation(AdminResetPasswordDocument);
  const [remove] = useMutation(AdminDeleteUserDocument);
  const client = useApolloClient();
  const toast = useToast();

  return (
    <UsersPageView
      users={users.data?.users}
      zones={zones.data?.zones ?? []}
      meId={meId}
      loading={users.loading}
      error={users.error && !users.data ? errorMessage(users.error) : undefined}
      onRetry={() => void users.refetch().catch(() => {})}
      onCreate={async (input) => {
        const { data } = await create({ variables: { input } });
        toast.success(`User ${input.username} created`);
        return data!.createUser.password;
      }}
      onUpdate={async (user, input) => {
        await update({ variables: { id: user.id, input } });
        toast.success(`${user.username} saved`);
      }}
      onResetPassword={async (user) => {
        const { data } = await reset({ variables: { id: user.id } });
        toast.success(`New password set for ${user.username}`);
        return data!.resetPassword.password;
      }}
      onDelete={async (user) => {
        await remove({ variables: { id: user.id } });
        client.cache.evict({ id: client.cache.identify({ __typename: "UserAccount", id: user.id }) });
        client.cache.gc();
        toast.success(`${user.username} deleted`);
      }}
    />
  );
}
