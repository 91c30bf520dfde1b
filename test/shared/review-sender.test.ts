// Who sent a returned file: the 提出单位 proposed from its authors or its file name.
import { describe, expect, it } from 'vitest';
import { proposeSender, splitAuthor, unitFromFileName } from '../../shared/review/sender';
import { suggestionContent, suggestionText } from '../../shared/review/opinion-rows';

describe('提出单位 of a returned file', () => {
  it('splits a person with the unit in brackets, takes a unit as author, leaves a person alone', () => {
    expect(splitAuthor('王五（县住建局）')).toEqual({ name: '王五', unit: '县住建局' });
    expect(splitAuthor('王五(县住建局)')).toEqual({ name: '王五', unit: '县住建局' });
    expect(splitAuthor('县住建局（王五）')).toEqual({ name: '王五', unit: '县住建局' });
    expect(splitAuthor('县教育局')).toEqual({ name: '', unit: '县教育局' });
    expect(splitAuthor('张三')).toEqual({ name: '张三', unit: '' });
    expect(splitAuthor('Administrator')).toEqual({ name: 'Administrator', unit: '' });
  });

  it('reads the unit from the file name', () => {
    expect(unitFromFileName('县住建局反馈.docx')).toBe('县住建局');
    expect(unitFromFileName('县住建局反馈意见（盖章）.docx')).toBe('县住建局');
    expect(unitFromFileName('2022年全县安全生产工作要点（征求意见稿）-县住建局.docx')).toBe('县住建局');
    expect(unitFromFileName('县市场监管局对工作要点的修改意见.wps')).toBe('县市场监管局');
    expect(unitFromFileName('/tmp/x/某某街道办事处意见2.docx')).toBe('某某街道办事处');
    expect(unitFromFileName('张三修改.docx')).toBe('');
    expect(unitFromFileName('反馈.docx')).toBe('');
    // A unit the library knows wins, even written inside other words.
    expect(unitFromFileName('住建反馈-县住房和城乡建设局v2.docx', ['县住房和城乡建设局', '县应急管理局'])).toBe('县住房和城乡建设局');
  });

  it('prefers the one unit the authors name, else the file name', () => {
    expect(proposeSender('反馈.docx', ['王五（县住建局）'])).toBe('县住建局');
    expect(proposeSender('县住建局反馈.docx', ['张三', '王五'])).toBe('县住建局');
    expect(proposeSender('意见.docx', ['县教育局'])).toBe('县教育局');
    expect(proposeSender('张三修改.docx', ['张三'])).toBe('');
    // Two units among the authors: the file name decides.
    expect(proposeSender('县应急局汇总.docx', ['县教育局', '县住建局'])).toBe('县应急局');
  });
});

describe('suggestions as shown', () => {
  it('drops the punctuation an insertion starts with', () => {
    expect(suggestionContent('insertion', '，每季度开展一次检查')).toBe('建议增加：每季度开展一次检查');
    expect(suggestionContent('deletion', '、县教育局')).toBe('建议删除：县教育局');
    expect(suggestionText('。')).toBe('。');
    expect(suggestionText('每月1次')).toBe('每月1次');
  });
});
