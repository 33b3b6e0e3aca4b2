import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { WithdrawInput } from "./wallet-forms";

function withdrawal(totpCode: string) {
  const data = new FormData();
  for (const [name, value] of Object.entries({
    intent: "withdraw",
    asset: "USDT",
    amount: "1",
    address: "x",
    totpCode,
  })) {
    data.append(name, value);
  }
  return parseForm(data, WithdrawInput);
}

describe("the withdraw form's schema", () => {
  it("reads an empty code as none, leaving the address to the server's rule", () => {
    const submission = withdrawal("");
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.totpCode).toBeUndefined();
  });

  it("refuses a code that is not 6 digits before it is sent", () => {
    const submission = withdrawal("12345");
    expect(submission.status === "error" && Object.keys(submission.error ?? {})).toEqual([
      "totpCode",
    ]);
  });
});
