// Site furniture around the article on government pages: navigation, breadcrumbs, font-size
// and print buttons, share buttons, related links, copyright and ICP lines. Also the markers
// of a gap (a paywall or "read more" notice) that must be reported, never filled in.

const JUNK_LINE: RegExp[] = [
  /^[-•·>\s]*当前位置[:：]?/,
  /^[-•·\s]*您(现在|当前)?的?(所在)?位置[:：]?/,
  /^首页\s*[>›»／/]/,
  /(^|\s)首页\s*[>›»]\s*\S+/,
  /字体大小|(字号|字体)\s*[:：]?\s*[【[]?\s*[大中小]\s*[】\]]?\s*[【[]?\s*[大中小]|【\s*大\s*】|\[\s*大\s*\]/,
  /^(保存为word|保存|打印|关闭|打印本页|关闭窗口|返回顶部|分享至|分享|收藏|纠错|【?打印】?|【?关闭】?|[:：]|\s)+$/i,
  /保存为\s*word|打印本页|关闭窗口|返回顶部|加入收藏|设为首页/i,
  /^(相关文章|相关链接|相关阅读|相关新闻|相关文件|友情链接|扫一扫|手机版|无障碍|网站地图|联系我们|English)[:：]?$/i,
  /^分享到[:：]?|^分享[:：]|(微信|微博|QQ空间|朋友圈)\s*(分享)?$/,
  /copyright|版权所有|all rights reserved|©/i,
  /ICP备|ICP证|公网安备|网站标识码|网站安全检测|政府网站标识码/i,
  /^(主办|承办|协办|技术支持|维护单位|主办单位|承办单位)[:：]/,
  /^(Tel|E-mail|电话|传真|邮编|地址)[:：]/i,
  /^今天是|^热点查询|^热门搜索|^搜索$|^登录$|^注册$/,
  /^图文解读[:：]|^政策解读[:：]|^相关解读[:：]/,
  /^(上一篇|下一篇)[:：]/,
  /^(访问量|浏览次数|阅读次数|阅读量|阅读数|点击数|点击量|浏览量)[:：]?\s*\d*\s*次?$/,
  /^扫一扫.{0,20}$/,
  /^(来源|作者|编辑|责任编辑|信息来源)[:：][^。]{0,40}$/,
  /^[|│\s]*$/,
  /^(信息公开元数据|政府信息公开|信息公开|文章正文|正文|复制下载|下载|复制|收藏|举报|纠错)$/,
  /^(下面是|以下是)(小编|本站|我们)[^。]{0,40}(整理|收集|分享)[^。]*(参考|阅读|借鉴)[。!！]?$/,
];

/** Lines made of short links separated by | (中国政府网 | 山西省政府 | …). */
function isNavLine(line: string): boolean {
  if (!line.includes('|') && !line.includes('│')) return false;
  const parts = line
    .split(/[|│]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return false;
  if (/[:：]/.test(line)) return false; // a metadata table row
  return parts.every((p) => p.length <= 12 && !/[。，,；]/.test(p));
}

export function isJunkLine(line: string): boolean {
  if (isNavLine(line)) return true;
  return JUNK_LINE.some((re) => re.test(line));
}

/** Headers of the footer: everything after one of these is site, not article. */
const FOOTER_START = /^(相关文章|相关链接|相关阅读|相关新闻|友情链接|上一篇|下一篇|【?相关稿件】?)[:：]?/;

export function isFooterStart(line: string): boolean {
  return FOOTER_START.test(line);
}

/** A notice that the article is cut off here (paywall, login, "read the rest"). */
const GAP =
  /(登录|注册|订阅|会员|VIP|付费)[^。]{0,12}(后|即可)?(查看|阅读|浏览)(全文|更多|剩余)|(查看|阅读|展开)(全文|剩余|更多内容)|剩余\s*\d*\s*%?\s*(内容|未读)|内容已(截断|隐藏|省略)|(以下|余下)(内容)?(需|请)|本文(仅|只)(展示|显示)|点击(查看|阅读)(全文|原文)|试读结束|\.{6,}|…{3,}/i;

export function isGapLine(line: string): boolean {
  return line.length <= 80 && GAP.test(line);
}
