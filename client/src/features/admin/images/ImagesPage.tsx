import { useApolloClient, useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useState } from "react";
import { errorMessage } from "../../../errors";
import {
  AdminCreateImageDocument,
  AdminDeleteImageDocument,
  AdminImageDownloadsDocument,
  AdminImagesDocument,
  AdminUpdateImageDocument,
  AdminZonesDocument,
  type AdminImageFieldsFragment,
  type AdminUpdateImageMutation,
  type ImageInput,
} from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { useServersLive } from "../servers/useServersLive";
import { downloadsByImage, type DownloadState } from "./downloads";
import { ImagesPageView } from "./ImagesPageView";

/** The catalogue: every image with every setting, and its download on each server, live. */
export function ImagesPage() {
  useTitle("Admin · Images");
  const images = useQuery(AdminImagesDocument, { fetchPolicy: "cache-and-network" });
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const servers = useServersLive();
  const [live, setLive] = useState<Record<string, DownloadState[]>>({});
  useSubscription(AdminImageDownloadsDocument, {
    onData: ({ data }) => {
      const states = data.data?.imageDownloads;
      if (!states?.length) return;
      setLive((l) => ({ ...l, [states[0].serverId]: states }));
    },
  });
  const [create] = useMutation(AdminCreateImageDocument, { refetchQueries: [AdminImagesDocument] });
  const [update] = useMutation(AdminUpdateImageDocument);
  const [remove] = useMutation(AdminDeleteImageDocument);
  const client = useApolloClient();
  const toast = useToast();

  const serverList = servers.data?.servers ?? [];

  const save = async (inputs: ImageInput[], existing?: AdminImageFieldsFragment) => {
    let id = existing?.id;
    for (const input of inputs) {
      if (!id) {
        const { data } = await create({ variables: { input } });
        id = data!.createImage.id;
      } else {
        await update({ variables: { id, input } });
      }
    }
    const name = inputs[0].friendlyName ?? existing?.friendlyName;
    toast.success(existing ? `${name} saved` : `${name} added: servers start downloading it now`);
  };

  return (
    <ImagesPageView
      images={images.data?.images}
      zones={zones.data?.zones ?? []}
      servers={serverList}
      downloads={downloadsByImage(serverList, live)}
      loading={images.loading}
      error={images.error && !images.data ? errorMessage(images.error) : undefined}
      onRetry={() => void images.refetch().catch(() => {})}
      onSave={save}
      onSetEnabled={async (image, enabled) => {
        try {
          await update({ variables: { id: image.id, input: { enabled } }, optimisticResponse: { updateImage: { ...image, enabled, __typename: "Image" } as AdminUpdateImageMutation["updateImage"] } });
          toast.success(enabled ? `${image.friendlyName} is enabled: users can launch it` : `${image.friendlyName} is disabled: users no longer see it`);
        } catch (e) {
          toast.error(`${image.friendlyName}: ${errorMessage(e)}`);
        }
      }}
      onDelete={async (image, force) => {
        await remove({ variables: { id: image.id, force } });
        client.cache.evict({ id: client.cache.identify({ __typename: "Image", id: image.id }) });
        client.cache.gc();
        toast.success(`${image.friendlyName} deleted`);
      }}
    />
  );
}
