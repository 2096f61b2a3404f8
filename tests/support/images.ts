import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "./env.js";

/**
 * An image big enough (160 MB of incompressible data on top of the tiny image) that its
 * download takes a few seconds, so progress can be watched. Built once and pushed to the
 * local registry; later runs reuse it.
 */
export async function buildBigImage(): Promise<string> {
  const ref = `${env.registry}/berth/test-big:latest`;
  const dir = "/var/lib/berth/test-big-image";
  const docker = (...args: string[]) =>
    execFileSync("docker", args, { env: { ...process.env, DOCKER_HOST: `unix://${env.dockerSocket}` }, stdio: ["ignore", "pipe", "pipe"] }).toString();
  const stamp = join(dir, "pushed");
  if (existsSync(stamp)) return ref;
  mkdirSync(dir, { recursive: true });
  execFileSync("dd", ["if=/dev/urandom", `of=${join(dir, "blob")}`, "bs=1M", "count=160", "status=none"]);
  writeFileSync(join(dir, "Dockerfile"), `FROM ${env.registry}/berth/tiny:latest\nCOPY blob /blob\n`);
  docker("build", "-q", "-t", ref, dir);
  docker("push", ref);
  writeFileSync(stamp, new Date().toISOString());
  return ref;
}
