// Where the importer read each key field from, so the import preview can show it and a person
// can judge it before 确认导入. One place for the Chinese wording of each source.

export type OriginSource =
  | 'title-line'
  | 'notice-title'
  | 'quoted-title'
  | 'issuer-line'
  | 'metadata'
  | 'page-title'
  | 'body'
  | 'doc-number'
  | 'written-date'
  | 'publish-date'
  | 'signature'
  | 'addressee-line'
  | 'file-name'
  | 'plan-file'
  | 'none';

export interface FieldOrigin {
  source: OriginSource;
  /** The words in the text the value was read from, as written. */
  excerpt?: string;
}

export interface ImportOrigins {
  title: FieldOrigin;
  year: FieldOrigin;
  addressees: FieldOrigin;
  issuer: FieldOrigin;
}

export const ORIGIN_LABELS: Record<OriginSource, string> = {
  'title-line': '正文中的标题行',
  'notice-title': '通知标题',
  'quoted-title': '通知或正文中书名号内的标题',
  'issuer-line': '标题上方的发文机关行',
  metadata: '页面上的信息公开栏目',
  'page-title': '页面标题',
  body: '正文中的年份说明',
  'doc-number': '文号中的年份',
  'written-date': '落款（成文）日期',
  'publish-date': '发布日期',
  signature: '落款署名',
  'addressee-line': '主送机关行',
  'file-name': '文件名（未在正文中找到）',
  'plan-file': 'PlanDesk 计划文件中保存的值',
  none: '未找到',
};

/** A saved plan file states its fields itself. */
export function planFileOrigins(meta: { title: string; addressees: readonly string[]; issuer?: string }): ImportOrigins {
  return {
    title: { source: 'plan-file', excerpt: meta.title },
    year: { source: 'plan-file' },
    addressees: meta.addressees.length ? { source: 'plan-file' } : { source: 'none' },
    issuer: meta.issuer ? { source: 'plan-file', excerpt: meta.issuer } : { source: 'none' },
  };
}
