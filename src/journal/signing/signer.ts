/** Something that signs for a run. */
export interface Signer {
  /** `ssh-ed25519 AAAA... comment` */
  publicKey: string;
  /** `SHA256:...` as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** True when no key was found and a fresh in-memory key was made for this run. */
  ephemeral: boolean;
  /** Where the key came from: `'--key'`, `'LITOPS_SIGNING_KEY'`, `'default'`, `'ephemeral'`. */
  source: string;
  /**
   * The key file, absolute: the private key, or the `.pub` file of a key held
   * by ssh-agent. Null for an ephemeral key.
   */
  keyPath: string | null;
  /** Armored SSHSIG (`-----BEGIN SSH SIGNATURE-----` ...) over `data`, namespace `litops`, hash sha512. */
  sign(data: Uint8Array): Promise<string>;
}

/** The namespace every litops signature carries. */
export const SIGNATURE_NAMESPACE = 'litops';
