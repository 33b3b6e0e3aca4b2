import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { ChangePasswordInput, NewApiKeyInput, ReauthenticateInput } from "./account-forms";

function errorsOf(submission: { status?: string; error?: unknown }) {
  return submission.status === "error" ? submission.error : null;
}

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the account page's schemas, as the browser and the action read a form", () => {
  it("refuses a confirmation that does not match the new password, at the confirmation", () => {
    const submission = parseForm(
      formData([
        ["currentPassword", "old-password-1"],
        ["newPassword", "a-new-password-123"],
        ["confirmPassword", "a-new-password-124"],
      ]),
      ChangePasswordInput,
    );
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)).toEqual({ confirmPassword: ["does not match the new password"] });
  });

  it("says an empty password is required rather than missing", () => {
    const submission = parseForm(formData([["password", ""]]), ReauthenticateInput);
    expect(errorsOf(submission)).toEqual({ password: ["is required"] });
  });

  it("reads no, one or two checked scopes as a list", () => {
    const read = (scopes: string[]) => {
      const submission = parseForm(
        formData([["name", "bot"], ...scopes.map((scope): [string, string] => ["scope", scope])]),
        NewApiKeyInput,
      );
      return submission.status === "success" ? submission.value.scope : submission.error;
    };
    expect(read([])).toEqual([]);
    expect(read(["trade"])).toEqual(["trade"]);
    expect(read(["trade", "withdraw"])).toEqual(["trade", "withdraw"]);
    expect(read(["admin"])).toHaveProperty("scope");
  });

  it("reads the key type, a bearer token unless another is picked", () => {
    const read = (entries: [string, string][]) =>
      parseForm(formData([["name", "bot"], ...entries]), NewApiKeyInput);
    expect(read([])).toMatchObject({ status: "success", value: { kind: "bearer" } });
    expect(read([["kind", "hmac"]])).toMatchObject({ status: "success", value: { kind: "hmac" } });
    expect(errorsOf(read([["kind", "ed25519"]]))).toEqual({
      publicKey: ["is required for an Ed25519 key"],
    });
    expect(
      errorsOf(
        read([
          ["kind", "ed25519"],
          ["publicKey", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----"],
        ]),
      ),
    ).toEqual({ publicKey: ["must be an Ed25519 public key in PEM"] });
    const pasted = read([
      ["kind", "ed25519"],
      [
        "publicKey",
        "-----BEGIN PUBLIC KEY-----\r\nMCowBQYDK2VwAyEAgmDRTtj2FA+wzJUIlAL9ly1eovjLBu7uXUFR+jFULmg=\r\n-----END PUBLIC KEY-----\r\n",
      ],
    ]);
    expect(pasted).toMatchObject({
      status: "success",
      value: {
        publicKey:
          "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAgmDRTtj2FA+wzJUIlAL9ly1eovjLBu7uXUFR+jFULmg=\n-----END PUBLIC KEY-----\n",
      },
    });
  });
});
