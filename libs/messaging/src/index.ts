export const messagingLib = 'messaging';
