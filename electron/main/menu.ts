// The application menu, in Chinese, with the usual shortcuts. Commands that concern the page
// are sent to the renderer as `plandesk:menu` messages.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'new-plan' | 'import' | 'export' | 'save-point' | 'find' | 'replace' | 'library';

export interface MenuActions {
  send(command: MenuCommand): void;
  openDataFolder(): void;
  showAbout(): void;
  isMac: boolean;
  /** 开发者工具 only in an unpackaged (development) build; never in the installed app. */
  devTools: boolean;
}

export function buildMenuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '新建计划…', accelerator: 'CmdOrCtrl+N', click: () => a.send('new-plan') },
        { label: '导入…', accelerator: 'CmdOrCtrl+O', click: () => a.send('import') },
        { label: '导出 DOCX…', accelerator: 'CmdOrCtrl+E', click: () => a.send('export') },
        { type: 'separator' },
        { label: '保存版本', accelerator: 'CmdOrCtrl+S', click: () => a.send('save-point') },
        { label: '返回资料库', accelerator: 'CmdOrCtrl+L', click: () => a.send('library') },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => a.openDataFolder() },
        { type: 'separator' },
        a.isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        { label: '查找…', accelerator: 'CmdOrCtrl+F', click: () => a.send('find') },
        { label: '替换…', accelerator: 'CmdOrCtrl+H', click: () => a.send('replace') },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        ...(a.devTools ? [{ label: '开发者工具', role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '数据保存在哪里', click: () => a.openDataFolder() },
        { label: '关于 PlanDesk', click: () => a.showAbout() },
      ],
    },
  ];
}
