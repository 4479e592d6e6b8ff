/**
 * Signing for the run directory: ed25519 keys in OpenSSH's formats, SSHSIG
 * signatures (namespace `litops`) that `ssh-keygen -Y verify` accepts, and
 * allowed_signers files read the way ssh-keygen reads them.
 */
export type { Signer } from './signer.js';
export { createSigner, type CreateSignerOptions } from './create-signer.js';
export { getDefaultKeyPath } from './get-default-key-path.js';
export { generateKeyPair, type GeneratedKeyPair } from './generate-key-pair.js';
export { writeKeyPair, type WrittenKeyPair } from './write-key-pair.js';
export { formatAllowedSignersLine } from './format-allowed-signers-line.js';
export { parseAllowedSigners, type AllowedSigner } from './parse-allowed-signers.js';
export { isAllowedSigner, type IsAllowedSignerOptions } from './is-allowed-signer.js';
export { verifySshSignature, type SshSignatureCheck, type VerifySshSignatureOptions } from './verify-ssh-signature.js';
export { getFingerprint } from './public-key.js';
