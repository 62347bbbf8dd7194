import { domainLib } from '@opsdesk/domain'; console.log(domainLib);
