export * from './inbound-mail';
export * from './mail-intake';
export * from './mail-parse.error';
export * from './maildir-inbox';
export * from './read-mail';
