/**
 * An image's run-config override is a JSON object of Docker create options. Only keys on
 * this allow-list pass; anything that could grant privilege is refused by name, so an
 * image can never lift the isolation Berth gives every session.
 */
export interface RunConfigRules {
  /** Host folders that volume mappings and binds may use (and nothing outside them). */
  allowedBindRoots: string[];
}

const ALLOWED_TOP = new Set(["Hostname", "Domainname", "WorkingDir", "Entrypoint", "Cmd", "Env", "Labels", "StopSignal", "StopTimeout", "User", "HostConfig"]);
const ALLOWED_HOST = new Set(["Dns", "DnsSearch", "DnsOptions", "ExtraHosts", "Ulimits", "Tmpfs", "ReadonlyRootfs", "ShmSize", "Binds", "Init", "OomScoreAdj"]);

/** Keys refused with a reason, so the error tells an administrator why. */
const PRIVILEGED: Record<string, string> = {
  "HostConfig.Privileged": "it gives the container full access to the host",
  "HostConfig.CapAdd": "it adds kernel capabilities",
  "HostConfig.Devices": "it exposes host devices",
  "HostConfig.DeviceRequests": "it exposes host devices",
  "HostConfig.DeviceCgroupRules": "it exposes host devices",
  "HostConfig.NetworkMode": "set the image's network setting instead (host networking is never allowed)",
  "HostConfig.PidMode": "it can share the host's processes",
  "HostConfig.IpcMode": "it can share the host's IPC namespace",
  "HostConfig.UTSMode": "it can share the host's UTS namespace",
  "HostConfig.UsernsMode": "it can leave the user namespace",
  "HostConfig.CgroupnsMode": "it can share the host's cgroup namespace",
  "HostConfig.SecurityOpt": "it can turn off seccomp, AppArmor or no-new-privileges",
  "HostConfig.CgroupParent": "it can escape resource limits",
  "HostConfig.VolumesFrom": "it can mount other containers' volumes",
  "HostConfig.Mounts": "use Binds within the allowed roots instead",
  "HostConfig.PidsLimit": "Berth sets the process limit",
  "HostConfig.Memory": "set the image's memory instead",
  "HostConfig.MemorySwap": "set the image's memory instead",
  "HostConfig.NanoCpus": "set the image's cores instead",
  "HostConfig.CpuQuota": "set the image's cores instead",
  "HostConfig.CpuPeriod": "set the image's cores instead",
  "HostConfig.CpuShares": "set the image's cores instead",
  "HostConfig.PortBindings": "Berth publishes the session port itself",
  "HostConfig.PublishAllPorts": "Berth publishes the session port itself",
  "HostConfig.Runtime": "it can change the container runtime",
  "HostConfig.Sysctls": "it can change kernel settings",
  "HostConfig.Isolation": "it can change isolation",
  "HostConfig.RestartPolicy": "Berth manages the container's lifetime",
  "HostConfig.AutoRemove": "Berth manages the container's lifetime",
};

export type RunConfigCheck = { ok: true } | { ok: false; key: string; message: string };

export function checkRunConfig(value: unknown, rules: RunConfigRules): RunConfigCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return refuse("", "the run-config must be a JSON object");
  for (const [key, v] of Object.entries(value)) {
    if (!ALLOWED_TOP.has(key)) return refuse(key, PRIVILEGED[key] ?? "it is not on the allow-list");
    if (key === "User" && isRoot(v)) return refuse("User", "sessions run as an unprivileged user, never root");
    if (key === "Labels" && Object.keys(v as object).some((l) => l.startsWith("berth."))) return refuse("Labels", "labels starting with 'berth.' are Berth's own");
    if (key !== "HostConfig") continue;
    if (typeof v !== "object" || v === null || Array.isArray(v)) return refuse("HostConfig", "it must be an object");
    for (const [hk, hv] of Object.entries(v)) {
      const full = `HostConfig.${hk}`;
      if (!ALLOWED_HOST.has(hk)) return refuse(full, PRIVILEGED[full] ?? "it is not on the allow-list");
      if (hk === "Binds") {
        if (!Array.isArray(hv)) return refuse(full, "it must be a list of host:container[:ro] strings");
        for (const bind of hv) {
          const why = checkBind(String(bind), rules);
          if (why) return refuse(full, why);
        }
      }
    }
  }
  return { ok: true };
}

/** A host path for a volume mapping: absolute, inside an allowed root, never the Docker socket. */
export function checkBind(bind: string, rules: RunConfigRules): string | null {
  const host = bind.split(":")[0] ?? "";
  return checkHostPath(host, rules);
}

export function checkHostPath(hostPath: string, rules: RunConfigRules): string | null {
  if (!hostPath.startsWith("/")) return `host path '${hostPath}' must be absolute`;
  const normal = normalise(hostPath);
  if (/docker\.sock|containerd\.sock/.test(normal)) return "the Docker socket is never mounted into a session";
  const inside = rules.allowedBindRoots.some((root) => normal === normalise(root) || normal.startsWith(normalise(root) + "/"));
  if (!inside) return `host path '${hostPath}' is outside the allowed roots (${rules.allowedBindRoots.join(", ") || "none configured"})`;
  return null;
}

/** Resolves `.` and `..` so `/allowed/../etc` cannot slip out of a root. */
function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (!part || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

// Docker reads a numeric user with Go's Atoi: "00", "+0" and "-0" are uid 0 too.
const isRoot = (u: unknown) => typeof u === "string" && /^(root|[+-]?0+)(:.*)?$/.test(u.trim());
const refuse = (key: string, why: string): RunConfigCheck => ({
  ok: false,
  key,
  message: key ? `run-config key '${key}' is not allowed: ${why}` : why,
});
