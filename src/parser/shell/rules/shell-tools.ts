import type { SafetyRule } from './types.js';

const killSignal = /^(9|KILL|SIGKILL)$/i;
/** System paths where a recursive chmod/chown breaks the machine. */
const systemPath = /^\/(?:$|etc|usr|var|bin|sbin|lib\w*|boot|opt|root|home)?\/?$|^\/(?:etc|usr|bin|sbin|lib\w*|boot)(?:\/|$)/;
/** Scripts whose names say what they do: `./scripts/restore-database.sh`, `rke2-killall.sh`, `/opt/restore`. */
const namedScript = /^(?:[\w.-]*[-_])?(?:restore|drop|delete|destroy|wipe|reset|rollback|roll-back|failover|migrate|purge|teardown|uninstall|killall|cleanup|clean-up)(?:[-_][\w.-]*)?(?:\.(?:sh|bash|py|rb|pl))?$/i;

/** Files, processes, the machine, users and scripts. */
export const shellToolRules: readonly SafetyRule[] = [
  { rule: 'rm-recursive', commands: ['rm'], anyOption: ['-r', '-R', '--recursive'], reason: 'rm -r deletes a whole directory tree' },
  { rule: 'find-delete', commands: ['find'], anyArg: /^-delete$/, reason: 'find -delete deletes every file it matches' },
  { rule: 'find-exec-rm', commands: ['find'], argPair: [/^-(exec|execdir|ok|okdir)$/, /^(\S*\/)?(rm|shred|unlink)$/], reason: 'find -exec rm deletes every file it matches' },
  { rule: 'truncate', commands: ['truncate'], reason: 'truncate cuts files to a size, discarding their contents' },
  { rule: 'dd-write', commands: ['dd'], anyArg: /^of=/, reason: 'dd of= overwrites the output file or device' },
  { rule: 'mkfs', commands: /^(mkfs(\..+)?|mke2fs|mkswap)$/, reason: '{cmd} creates a new filesystem, erasing what the device held' },
  { rule: 'shred', commands: ['shred'], reason: 'shred overwrites files so they cannot be recovered' },
  // Without -a/-o, wipefs only lists signatures.
  { rule: 'wipefs', commands: ['wipefs'], anyOption: ['-a', '--all', '-o', '--offset'], noOption: ['-n', '--no-act'], reason: 'wipefs erases filesystem signatures from a device' },
  { rule: 'overwrite-data-dir', commands: ['cp', 'rsync', 'mv'], anyOption: ['-r', '-R', '-a', '-T', '--recursive', '--archive', '--delete'], lastPositional: /^\/var\/lib\/[\w.-]+\/?/, reason: '{cmd} into /var/lib overwrites a service\'s data directory' },
  { rule: 'rsync-delete', commands: ['rsync'], anyOption: ['--delete', '--delete-before', '--delete-after', '--delete-during'], reason: 'rsync --delete deletes destination files missing from the source' },
  { rule: 'kill-9', commands: ['kill'], anyArg: /^-(9|KILL|SIGKILL)$/i, reason: 'kill -9 ends processes without letting them clean up' },
  { rule: 'kill-9', commands: ['kill'], optionValue: { names: ['-s', '-n'], value: killSignal }, reason: 'kill -s KILL ends processes without letting them clean up' },
  { rule: 'pkill', commands: ['pkill'], reason: 'pkill ends every process matching a pattern' },
  { rule: 'killall', commands: ['killall'], reason: 'killall ends every process with that name' },
  { rule: 'system-power', commands: ['reboot', 'shutdown', 'halt', 'poweroff'], noOption: ['-c', '-k'], reason: '{cmd} takes the whole machine down' },
  { rule: 'iptables-flush', commands: ['iptables', 'ip6tables'], anyOption: ['-F', '--flush'], reason: '{cmd} -F deletes every firewall rule of the chain or table' },
  { rule: 'firewall-enable', commands: ['ufw'], path: [['enable', 'reset', 'disable']], reason: 'ufw {0} changes what traffic the machine accepts, which can cut off access' },
  { rule: 'crontab-remove', commands: ['crontab'], anyOption: ['-r'], reason: "crontab -r deletes the user's whole crontab" },
  { rule: 'userdel', commands: ['userdel', 'deluser', 'groupdel'], reason: '{cmd} removes an account' },
  { rule: 'chmod-system', commands: ['chmod', 'chown', 'chgrp'], anyOption: ['-R', '--recursive'], lastPositional: systemPath, reason: '{cmd} -R on a system path changes the permissions the machine depends on' },
  { rule: 'package-remove', commands: ['apt', 'apt-get', 'yum', 'dnf'], path: [['remove', 'purge', 'autoremove', 'erase']], reason: '{cmd} {0} uninstalls packages' },
  { rule: 'named-script', commands: namedScript, asScript: true, reason: '{cmd} is a script whose name says it restores, deletes, resets or stops things' },
  { rule: 'git-push-force', commands: ['git'], path: [['push']], anyOption: ['-f', '--force', '--force-with-lease', '--force-if-includes'], reason: "git push --force overwrites the remote branch's history" },
  { rule: 'git-push-force', commands: ['git'], path: [['push']], anyArg: /^\+/, reason: "git push +ref overwrites the remote branch's history" },
  { rule: 'git-reset-hard', commands: ['git'], path: [['reset']], anyOption: ['--hard'], reason: 'git reset --hard discards uncommitted changes' },
  { rule: 'git-clean', commands: ['git'], path: [['clean']], anyOption: ['-f', '--force'], noOption: ['-n', '--dry-run'], reason: 'git clean -f deletes untracked files' },
  { rule: 'nixos-rebuild', commands: ['nixos-rebuild'], path: [['switch', 'boot', 'test']], reason: 'nixos-rebuild {0} activates a new system configuration, restarting services' },
];
