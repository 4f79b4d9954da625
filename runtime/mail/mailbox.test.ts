import { createConnection } from "node:net";
import { startMailbox } from "./mailbox.js";

/** Speaks plain SMTP to the mailbox, the way Keycloak's mail sender does. */
function sendRaw(port: number, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, "127.0.0.1");
    const script = [...lines];
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      if (/^221/m.test(chunk)) {
        socket.end();
        resolve();
        return;
      }
      const next = script.shift();
      if (next !== undefined) socket.write(`${next}\r\n`);
    });
    socket.on("error", reject);
  });
}

test("the mailbox receives a mail over SMTP and extracts its links", async () => {
  const mailbox = await startMailbox();
  try {
    await sendRaw(mailbox.port, [
      "EHLO test",
      "MAIL FROM:<no-reply@kenpo.test>",
      "RCPT TO:<Hanako@Example.test>",
      "DATA",
      "Subject: verify\r\nFrom: no-reply@kenpo.test\r\nTo: Hanako@Example.test\r\n\r\nOpen http://127.0.0.1:8080/realms/x/login-actions/action-token?key=abc&client_id=y now\r\n.",
      "QUIT",
    ]);
    const mail = await mailbox.waitForMail("hanako@example.test", undefined, 5000);
    expect(mail.subject).toBe("verify");
    expect(mail.links).toEqual(["http://127.0.0.1:8080/realms/x/login-actions/action-token?key=abc&client_id=y"]);
    await expect(mailbox.waitForMail("nobody@example.test", undefined, 300)).rejects.toThrow(
      /no mail to nobody@example.test/,
    );
  } finally {
    await mailbox.close();
  }
});
