import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface Asset {
  /** `site.3f9a1c2b7d.css`: the name with a hash of the content, so it can be cached for a year. */
  hashedName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The pages' static files (CSS, the small enhancement scripts), read once and named by content hash. */
@Injectable()
export class AssetsService {
  private readonly byName = new Map<string, Asset>();
  private readonly byHashedName = new Map<string, Asset>();

  constructor() {
    this.load(join(__dirname, 'files'));
  }

  /** The address a template links to. */
  url(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`No existe el recurso estático ${name}`);
    return `/static/${asset.hashedName}`;
  }

  find(hashedName: string): Asset | undefined {
    return this.byHashedName.get(hashedName);
  }

  private load(directory: string): void {
    for (const name of readdirSync(directory)) {
      const extension = extname(name);
      const contentType = CONTENT_TYPES[extension];
      if (!contentType) continue;
      const body = readFileSync(join(directory, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      const asset = { hashedName: `${name.slice(0, -extension.length)}.${hash}${extension}`, contentType, body };
      this.byName.set(name, asset);
      this.byHashedName.set(asset.hashedName, asset);
    }
  }
}
