import { loadConfig } from '@opsdesk/platform';
import { runMain } from '@opsdesk/runtime';
import { signingKeyForTools } from './auth/signing-key';
import { TOKEN_USAGE, tokenFromArgs } from './auth/token-cli';

/**
 * `npm run token -- --sub agent-0107 --role cs-phone-agent --subsidiary sh`
 * prints a bearer token for local use and tests, signed with
 * AUTH_SIGNING_KEY or, without it, the machine's development key.
 */
runMain('opsdesk-token', async () => {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${TOKEN_USAGE}\n`);
    return;
  }
  const { key } = signingKeyForTools(loadConfig());
  process.stdout.write(`${tokenFromArgs(process.argv.slice(2), key)}\n`);
});
