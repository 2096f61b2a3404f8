import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../../tests/support/env.js";
import { sleep } from "./http.js";

/**
 * The proxy benchmark's second floor: what nginx itself costs on this machine, with everything
 * Berth's path lacks. A separate nginx (its own prefix under the state dir, https with the stack's
 * certificate, no access log) with one named `upstream` block for the session's port and
 * `keepalive`, so it reuses its connections to the session, and no auth check: the best a proxy in
 * front of the session could do here.
 */
export async function startNginxFloor(o: { port: number; sessionPort: number; authorization: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  const prefix = join(env.stateDir, "bench-nginx-floor");
  mkdirSync(join(prefix, "logs"), { recursive: true });
  const key = process.env.BERTH_TLS_KEY ?? env.tlsCert.replace(/cert\.pem$/, "key.pem");
  writeFileSync(
    join(prefix, "nginx.conf"),
    `worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${prefix}/client_body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    upstream session { server 127.0.0.1:${o.sessionPort}; keepalive 64; }
    server {
        listen 127.0.0.1:${o.port} ssl;
        ssl_certificate ${env.tlsCert};
        ssl_certificate_key ${key};
        location / {
            proxy_pass http://session;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Authorization "${o.authorization}";
            proxy_buffering off;
        }
    }
}
`,
  );
  const child: ChildProcess = spawn("nginx", ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"], { stdio: "ignore" });
  const url = `https://localhost:${o.port}/`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`the floor nginx did not start (see ${prefix}/logs/error.log)`);
      await sleep(50);
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT");
      await Promise.race([gone, sleep(5000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
