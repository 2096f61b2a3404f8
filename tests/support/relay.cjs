// A byte relay for tests/support/browser-netns.ts, run as its own process (one inside the browser's
// namespace, one outside):
//   node relay.cjs <to> <parentPid> <listen>...
// where each address is "tcp:HOST:PORT" or "unix:PATH". Every connection accepted on a <listen>
// address is joined to a new connection to <to>. It prints "ready" once listening on all of them
// (an IPv6 loopback that does not exist is skipped) and exits when the process that started it has.
"use strict";
const net = require("node:net");

const [to, parent, ...listen] = process.argv.slice(2);
const address = (spec) => {
  if (spec.startsWith("unix:")) return { path: spec.slice(5) };
  const at = spec.lastIndexOf(":");
  return { host: spec.slice(4, at).replace(/^\[|\]$/g, ""), port: Number(spec.slice(at + 1)) };
};

function splice(a, b) {
  a.pipe(b);
  b.pipe(a);
  const end = () => {
    a.destroy();
    b.destroy();
  };
  a.on("error", end).on("close", end);
  b.on("error", end).on("close", end);
}

const listening = listen.map(
  (spec) =>
    new Promise((resolve) => {
      net
        .createServer((c) => {
          c.setNoDelay?.(true);
          splice(c, net.createConnection(address(to)));
        })
        .on("error", (e) => {
          if (spec.startsWith("tcp:[::1]") && e.code === "EADDRNOTAVAIL") return resolve();
          console.error(`relay ${spec} -> ${to}: ${e.message}`);
          process.exit(1);
        })
        .listen(address(spec), resolve);
    }),
);
Promise.all(listening).then(() => process.stdout.write("ready\n"));
setInterval(() => {
  try {
    process.kill(Number(parent), 0);
  } catch {
    process.exit(0);
  }
}, 1000);
