import type { AdminImageFieldsFragment, ImageInput } from "../../../generated/graphql";

export type EnvRow = { name: string; value: string };
export type VolumeRow = { hostPath: string; containerPath: string; readOnly: boolean };

/** Everything the image editor holds, as typed (numbers stay strings until checked). */
export type ImageForm = {
  name: string;
  friendlyName: string;
  description: string;
  ref: string;
  cores: string;
  memoryMb: string;
  shmMb: string;
  network: string;
  env: EnvRow[];
  volumes: VolumeRow[];
  runConfig: string;
  registryUsername: string;
  registryPassword: string;
  clearRegistryAuth: boolean;
  zoneId: string;
  serverId: string;
  timeLimitMinutes: string;
  categories: string[];
  thumbnailUrl: string;
  enabled: boolean;
};

export type ImageField = keyof ImageForm | "registryAuth";
export type ImageProblems = Partial<Record<ImageField, string>>;

export function imageForm(image?: AdminImageFieldsFragment): ImageForm {
  if (!image) {
    return {
      name: "", friendlyName: "", description: "", ref: "", cores: "1", memoryMb: "1024", shmMb: "64", network: "bridge",
      env: [], volumes: [], runConfig: "{}", registryUsername: "", registryPassword: "", clearRegistryAuth: false,
      zoneId: "", serverId: "", timeLimitMinutes: "", categories: [], thumbnailUrl: "", enabled: true,
    };
  }
  return {
    name: image.name,
    friendlyName: image.friendlyName,
    description: image.description,
    ref: image.ref,
    cores: String(image.cores),
    memoryMb: String(image.memoryMb),
    shmMb: String(image.shmMb),
    network: image.network,
    env: image.env.map((e) => ({ name: e.name, value: e.value })),
    volumes: image.volumes.map((v) => ({ hostPath: v.hostPath, containerPath: v.containerPath, readOnly: v.readOnly })),
    runConfig: prettyJson(image.runConfig),
    registryUsername: "",
    registryPassword: "",
    clearRegistryAuth: false,
    zoneId: image.zoneId ?? "",
    serverId: image.serverId ?? "",
    timeLimitMinutes: image.sessionTimeLimitS ? String(+(image.sessionTimeLimitS / 60).toFixed(2)) : "",
    categories: [...image.categories],
    thumbnailUrl: image.thumbnailUrl,
    enabled: image.enabled,
  };
}

/** "{"a":1}" → indented, so a long run-config reads well; anything unparsable stays as it is. */
export function prettyJson(text: string): string {
  try {
    const v = JSON.parse(text || "{}");
    return Object.keys(v).length ? JSON.stringify(v, null, 2) : "{}";
  } catch {
    return text;
  }
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const REF = /^[a-z0-9]+([._\-/:@][a-zA-Z0-9_.\-]+)*$/;
const NETWORK = /^(bridge|none|[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})$/;
const ENV = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** The mistakes the editor can catch before asking the API (which checks the rest, like the run-config allow-list). */
export function imageProblems(f: ImageForm): ImageProblems {
  const out: ImageProblems = {};
  if (!NAME.test(f.name)) out.name = "1 to 64 lowercase letters, digits, . _ or -, starting with a letter or digit.";
  if (!f.friendlyName.trim()) out.friendlyName = "Give it the name people see, such as 'Firefox'.";
  if (!REF.test(f.ref.trim())) out.ref = "An image reference such as registry.example.com/team/desktop:1.4.";
  const cores = Number(f.cores);
  if (!(cores >= 0.01 && cores <= 256)) out.cores = "From 0.01 to 256.";
  const mem = Number(f.memoryMb);
  if (!Number.isInteger(mem) || mem < 16 || mem > 1 << 20) out.memoryMb = "Whole MB from 16.";
  const shm = Number(f.shmMb);
  if (!Number.isInteger(shm) || shm < 1 || shm > 1 << 16) out.shmMb = "Whole MB from 1 to 65536.";
  if (!NETWORK.test(f.network.trim())) out.network = "bridge, none, or the name of a Docker network (host is never allowed).";
  const badEnv = f.env.find((e) => !ENV.test(e.name.trim()));
  if (badEnv) out.env = `'${badEnv.name || "(empty)"}' is not a variable name: letters, digits and _, not starting with a digit.`;
  else if (new Set(f.env.map((e) => e.name.trim())).size !== f.env.length) out.env = "Each variable can appear once.";
  const badVol = f.volumes.find((v) => !v.hostPath.trim().startsWith("/") || !/^\/[^:]*$/.test(v.containerPath.trim()));
  if (badVol) out.volumes = "Both paths must be absolute (start with /); the container path cannot contain ':'.";
  try {
    const v = JSON.parse(f.runConfig.trim() || "{}");
    if (typeof v !== "object" || v === null || Array.isArray(v)) out.runConfig = "The run-config must be a JSON object, like {\"Cmd\": [\"…\"]}.";
  } catch (e) {
    out.runConfig = `Not valid JSON: ${(e as Error).message}`;
  }
  if (f.timeLimitMinutes.trim()) {
    const m = Number(f.timeLimitMinutes);
    if (!(m >= 1 && m <= 31 * 24 * 60)) out.timeLimitMinutes = "Minutes from 1 to 44640 (31 days), or empty for no limit.";
  }
  if ((f.registryUsername || f.registryPassword) && !(f.registryUsername && f.registryPassword)) {
    out.registryAuth = "Enter both the username and the password (or neither to keep what is stored).";
  }
  return out;
}

/**
 * The updates that save the form, in order. Restrictions are cleared together by the API, so
 * dropping one while keeping (or changing) the other takes two calls: clear, then set.
 */
export function imageInputs(f: ImageForm, existing?: AdminImageFieldsFragment): ImageInput[] {
  const input: ImageInput = {
    name: f.name.trim(),
    friendlyName: f.friendlyName.trim(),
    description: f.description,
    ref: f.ref.trim(),
    cores: Number(f.cores),
    memoryMb: Number(f.memoryMb),
    shmMb: Number(f.shmMb),
    network: f.network.trim(),
    env: f.env.map((e) => ({ name: e.name.trim(), value: e.value })),
    volumes: f.volumes.map((v) => ({ hostPath: v.hostPath.trim(), containerPath: v.containerPath.trim(), readOnly: v.readOnly })),
    sessionTimeLimitS: f.timeLimitMinutes.trim() ? Math.round(Number(f.timeLimitMinutes) * 60) : 0,
    categories: f.categories,
    thumbnailUrl: f.thumbnailUrl.trim(),
    enabled: f.enabled,
  };
  const runConfig = JSON.stringify(JSON.parse(f.runConfig.trim() || "{}"));
  if (!existing || runConfig !== JSON.stringify(JSON.parse(existing.runConfig || "{}"))) input.runConfig = runConfig;
  if (f.clearRegistryAuth) input.clearRegistryAuth = true;
  else if (f.registryUsername && f.registryPassword) input.registryAuth = { username: f.registryUsername, password: f.registryPassword };

  const oldZone = existing?.zoneId ?? "";
  const oldServer = existing?.serverId ?? "";
  const restrict: ImageInput = {};
  if (f.zoneId) restrict.zoneId = f.zoneId;
  if (f.serverId) restrict.serverId = f.serverId;
  const dropping = (oldZone && !f.zoneId) || (oldServer && !f.serverId);
  if (!dropping) return [{ ...input, ...restrict }];
  const cleared = { ...input, clearRestrictions: true };
  return Object.keys(restrict).length ? [cleared, restrict] : [cleared];
}

/** Adds typed categories ("Dev, Browsers") to the list, trimmed, without repeats. */
export function addCategories(list: string[], typed: string): string[] {
  const out = [...list];
  for (const c of typed.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (!out.some((x) => x.toLowerCase() === c.toLowerCase())) out.push(c.slice(0, 40));
  }
  return out.slice(0, 20);
}

/** Which form field an API refusal belongs to (extensions.field or a validation path). */
export function fieldOfProblem(field: string | undefined): ImageField | undefined {
  if (!field) return undefined;
  if (field === "sessionTimeLimitS") return "timeLimitMinutes";
  if (field === "registryAuth" || field === "clearRegistryAuth") return "registryAuth";
  if (field === "clearRestrictions") return "zoneId";
  return field as ImageField;
}
