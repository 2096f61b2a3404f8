import { useState, type CSSProperties, type FormEvent } from "react";
import { Banner } from "../../components/Banner";
import { Logo } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";

type Props = {
  busy: boolean;
  error?: string;
  onSubmit: (username: string, password: string) => void;
  /** Typing again clears the previous error. */
  onEdit: () => void;
};

export function SignInPageView({ busy, error, onSubmit, onEdit }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const missing = !username.trim() || !password;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || missing) return;
    onSubmit(username.trim(), password);
  };

  return (
    <main className="signin">
      <div className="signin__panel">
        <div className="signin__brand">
          <Logo size={40} />
          <span className="signin__name">Berth</span>
        </div>
        <h1 className="signin__title">Sign in</h1>
        <p className="signin__lead">Your desktops and apps, one click away, in this browser tab.</p>

        <form className="form" onSubmit={submit} noValidate aria-describedby={error ? "signin-error" : undefined}>
          {error && (
            <div id="signin-error">
              <Banner testId="signin-error">{error}</Banner>
            </div>
          )}
          <label className="field">
            <span className="field__label">Username</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                onEdit();
              }}
              data-testid="signin-username"
            />
          </label>
          <label className="field">
            <span className="field__label">Password</span>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                onEdit();
              }}
              data-testid="signin-password"
            />
          </label>
          <button type="submit" className="button button--primary button--block" disabled={busy || missing} data-testid="signin-submit">
            {busy ? (
              <>
                <Spinner size="sm" /> Signing in…
              </>
            ) : (
              "Sign in"
            )}
          </button>
        </form>
        <p className="signin__hint">No account yet? Ask your Berth administrator to create one for you.</p>
      </div>
      <div className="signin__art" aria-hidden="true">
        <div className="signin__window">
          <div className="signin__window-bar"><i /><i /><i /></div>
          <div className="signin__window-body">
            <div className="signin__tile" style={{ "--hue": 222 } as CSSProperties} />
            <div className="signin__tile" style={{ "--hue": 12 } as CSSProperties} />
            <div className="signin__tile" style={{ "--hue": 160 } as CSSProperties} />
            <div className="signin__tile" style={{ "--hue": 280 } as CSSProperties} />
          </div>
        </div>
        <p className="signin__tagline">Disposable desktops, streamed.</p>
      </div>
    </main>
  );
}
