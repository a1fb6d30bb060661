<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>自动选择…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>不是重复项</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>移动到文件夹…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>会先请求确认。文件可以从系统回收站中恢复。</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>已标记移到回收站：%1（%2），其中 %3 在尚未打开的组中</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>已标记移到回收站：%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>将所显示组中的 %1 移到回收站</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>将 %1 移到回收站</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>移到回收站…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>移到回收站</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Side by side</source>
        <extracomment>Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair). What the groups shown were made with (the window&apos;s sliders), and why each member of the group shown is kept or goes.</extracomment>
        <translation>并排</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>比较组中的两个文件；在下方选择是哪两个（G）</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>以网格显示组中的所有文件（G）</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>左侧显示的文件</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>右侧显示的文件</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>这两个不是重复项</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>不再将这两个文件归为一组（按内容记住；可在“工具 ▸ 不是重复项…”中撤销）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;第 %1 组&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>点击“保留/回收站”或按文件编号；按 A 接受并显示下一组。</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>显示 %2 个文件中的前 %1 个；用“并排”比较其余文件。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>建议保留</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>无法显示此图像：
%1</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>移动到文件夹</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>将 %1 移到回收站</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>将 %1 移到回收站？</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>将 %1 移动到 %2？</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>尚未打开任何含有已标记移到回收站文件的组。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln 个组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>您未打开的 %1 中还有 %Ln 个已标记的文件，除非您将其包含在内，否则它们会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>一并包含：移动 %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>被筛选隐藏的组中有 %Ln 个已标记的文件，它们不会被改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>可以从系统回收站中恢复它们。</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>可以通过“工具 ▸ 撤销移动”将它们移回。</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>在您未打开的组中：</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>注意：受保护的文件夹保留了较差的副本，而 %Ln 个更好的文件将被移走（实际分辨率更高、为相机原片或未经编辑的图片）。请先检查这些组。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>不是重复项</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>您标记为“不是重复项”的组和文件对。即使文件被重命名或移动，每次扫描时它们也会保持分开。恢复某一项即可再次看到它被归组。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>恢复所选项</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>文件对</translation>
    </message>
    <message>
        <source>group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>尚未将任何项标记为“不是重复项”。</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>扫描中发现的问题</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>无法使用这些文件或文件夹。它们保持原样，磁盘上没有任何更改。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>复制列表</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File menu</source>
        <translation>文件菜单</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>没有应用程序能打开 %1</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>用默认查看器打开</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>在文件管理器中显示</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>位于受保护的文件夹：始终保留</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>保留此文件</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>标记为移到回收站</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>只保留此文件</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>组菜单</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>打开保留的文件</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>在文件管理器中显示保留的文件</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>复制组中的路径</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <source>Photos</source>
        <extracomment>Thumbnails per row in the list, their logical size, and the decode size (2× for HiDPI).</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>可释放空间</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>保留的文件</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>绿色：保留。红色：将移到回收站。蓝色：受保护的文件夹。</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>组中的文件数</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>组内最弱的匹配：文件与组参考图之间的最低相似度，即阈值所作用的数值</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>文件之间的差异：完全相同的副本、近似重复、编辑过的副本、相似镜头或看起来相似</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>将标记为删除的文件移到回收站后释放的空间</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>建议保留的文件</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>完全相同</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln 个文件已标记移到回收站（%1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. 重复组</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>按文件或文件夹名称筛选</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>显示此类型的组</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>重复组</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln 个组，显示 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln 个组</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Keep only this</source>
        <translation>只保留这个</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>保留此文件，并将组中其他所有文件标记为移到回收站</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ 保留</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ 移到回收站</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ 受保护</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>将此文件标记为移到回收站（或按它的编号）</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>还是保留此文件（或按它的编号）</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>位于受保护的文件夹：始终保留。</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>建议保留的文件</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>与保留的文件完全相同（逐字节）</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>组的参考图：其他文件与它进行比对</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>与保留的文件相似度 %1 · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>与组参考图相似度 %1 · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>文件中没有日期</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The languages shipped, by Qt locale name, each in its own language: a person looks for their language by its own name, whatever the window speaks now. The settings key of the person&apos;s choice (&quot;&quot;: the system&apos;s language).</extracomment>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>新语言将在下次启动 Dupe Viewer 时生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>重新分组失败</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. 要扫描的文件夹</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>扫描失败</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>无法打开报告</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>正在扫描…找到的组会显示在这里。</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>没有剩余的重复组：每一组都已处理。

重新扫描以再次查找，或添加更多文件夹。</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>在 %1 中没有找到重复项。

将“相似程度”滑块向左移动以查找更宽松的匹配，或添加更多文件夹。</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>扫描在找到任何重复项之前被取消。</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>已在列表中。</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>添加要扫描的文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>文件夹已更改：点击“重新扫描”以更新组。</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>请先添加文件夹（拖放到窗口上）。</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>请等待扫描结束，或取消扫描。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1：已读取 %2 个组中的 %Ln 个，来自 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>组数上限使读取在报告结束前停止。</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>已在 %2 内扫描 %1（%3 个来自缓存）：%Ln 个组。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>扫描已停止。仍显示上一次完整扫描的结果。</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>标记除保留文件外的全部</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>保留所有文件</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>反转标记</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>恢复为建议</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>保留/回收组中的第 1 至 9 个文件</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>鼠标滚轮 / 拖动</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>同时缩放/平移所有图像</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>此文件位于受保护的文件夹中，始终会被保留。</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>每组至少保留一个文件。请先保留另一个文件。</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>深度相似度模型</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>深度相似度还能找到裁剪、倾斜以及大幅编辑过的副本。它需要一个小模型（SqueezeNet 1.1，2.4 MB），只需下载一次，并按已知校验和进行核对。没有网络时，请在别处下载后在这里选择该文件。</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>下载默认模型</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>选择模型文件…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>选择模型文件</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>正在安装 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2</source>
        <translation>已下载 %1 / %2</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>已下载 %1</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>已安装“%1”。重新扫描即可同时找到裁剪和编辑过的副本。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>未移动的文件及原因</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>组中的文件</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>已保存的报告 %1（%2）</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>打开已保存的报告</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>扫描报告 (*.json *.jsonl *.parquet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>正在读取报告</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>完全相同的文件</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>副本（缩放、重新编码、旋转）</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>编辑过的副本</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>相似的拍摄</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>看起来相似</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>打开报告：哪些组？</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>所有文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>包含以下位置文件的组：</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>最大文件至少（MB）：</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>最大文件至多（MB）：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>最多这么多组：</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>包含此文件夹中文件的组</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>已将规则应用于所有组。</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>无法记住此决定</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>已标记为“不是重复项”。可在“工具 ▸ 不是重复项列表…”中撤销</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>无法读取列表</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>将已标记的文件移动到此文件夹</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>没有标记为移到回收站的文件。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>已将 %Ln 个文件（%1）移到回收站。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>已将 %Ln 个文件（%1）移动到文件夹。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>已移回 %Ln 个文件。重新扫描即可在组中再次看到它们。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln 个文件无法移动；下面列出了每个文件及原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>已完成，但有问题</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>日志：%1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>撤销失败</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>无法读取日志</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>撤销移动</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>导出组</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>JSON 报告 (*.json);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>子文件夹</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>受保护</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>同时扫描此文件夹内的文件夹。</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>受保护文件夹中的文件绝不会被建议删除。</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>要扫描的文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>选择要扫描的文件夹（也可以把文件夹拖放到窗口上）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>不再扫描所选文件夹（不会动任何文件）</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>最高分辨率</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>最大的文件</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>最小的文件</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>最早日期（拍摄时间，否则修改时间）</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>最新日期（拍摄时间，否则修改时间）</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>位于首选文件夹</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>首选格式</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>最短的文件名</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Choose which file to keep</source>
        <translation>选择要保留的文件</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>在每个组中，由这些规则选出要保留的文件，其余文件标记为移到回收站。第一条规则起决定作用，后面的规则只在并列时区分。受保护文件夹中的文件始终保留。您自己的标记将被替换。</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>应用于所有组</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>首选文件夹</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>首选格式</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>按优先顺序排列的格式，用逗号分隔：</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>已跳过的不支持文件</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>（扫描）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>已跳过 %Ln 个不支持的文件：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>（无扩展名）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>发现 %Ln 个问题…</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan cancelled. What was read is cached: the next scan continues from there.</source>
        <translation>扫描已取消。已读取的内容已缓存，下次扫描将从那里继续。</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>（“不是重复项”列表）</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SimilarityPanel</name>
    <message>
        <source>2. How alike must files be?</source>
        <translation>2. 文件需要多相似？</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>调低：更多的组，包括编辑过的副本。调高：只包括非常接近的副本。</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>深度相似度还会将同一场景的不同镜头归为一组。</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>安装模型…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>下载深度相似度模型（2.4 MB），或选择模型文件</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>更宽松</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>更严格</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>所需的图片相似度</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>所需的深度相似度</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>已保存的报告只列出它找到的组：滑块可以让它们更严格，但不能找到更多。请重新扫描文件夹以查找更宽松的匹配。</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>深度相似度模型已安装：重新扫描即可使用。</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>深度相似度（可找到裁剪和倾斜的副本）已关闭：未安装模型。</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>深度相似度已关闭：%1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>所需的图片相似度：&lt;b&gt;%1%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>深度：%1%</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>撤销移动</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>由本应用移动到文件夹的文件可以移回原处。原位置已被再次占用的文件将留在原地。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln 个文件已移动到 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>没有可撤销的移动。</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>移回</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Drop folders here to find duplicate photos</source>
        <translation>将文件夹拖放到这里以查找重复照片</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>Dupe Viewer 能找到完全相同的副本和近似重复项（调整过大小、重新保存过、编辑过），并将它们并排显示。由您决定保留哪些；不会直接删除任何文件：不需要的副本在您确认后移到回收站。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>扫描列出的文件夹</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>选择要扫描的文件夹</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>扫描列出的文件夹（再次扫描很快：结果已缓存）</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>取消扫描(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>停止扫描；已读取的内容会保留供下次使用</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>导出组(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>将组保存为 JSON 或 CSV 报告</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>打开报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>查看已保存扫描报告中的组（JSON、JSON Lines 或 Parquet）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>下一组</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>上一组</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>接受建议并转到下一组</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>保留建议的文件，将其他副本移到回收站，并显示下一组</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>保留此组的所有文件</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>标记此组中除一个之外的所有文件</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>将除建议保留的文件外的全部标记为移到回收站</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>反转此组的标记</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>在所有显示的组中全部标记</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>在每个显示的组中，将除保留文件外的全部标记为移到回收站</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>取消所有显示组中的全部标记</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>反转所有显示组的标记</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>将所有标记重置为建议</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>自动选择规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>按规则选择每组中要保留的文件</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>不是重复项</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>这些文件不是重复项：不再将它们归为一组</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>将已标记的文件移到回收站…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>将已标记的文件移动到文件夹…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>将已标记的文件移动到文件夹，而不是回收站</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>撤销移动到文件夹…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>“不是重复项”列表…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>发现的问题…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>安装深度相似度模型…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>下载默认模型，或选择模型文件</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>使每张图像适应其窗格（F）</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>以实际像素显示最大的图像；其他图像显示相同区域（Z）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>全屏只显示对比（F11，按 Esc 退出）</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>并排 / 全部文件</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>与下一个文件比较</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>与上一个文件比较</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>退出全屏 / 取消扫描</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>保留/回收第 %1 个文件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>文件在读取前已消失</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>扫描时消失（已被删除或移动）</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>损坏的符号链接</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>符号链接循环</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>不是图像文件（未知扩展名）</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>已跳过：%1，不是普通文件</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>不是普通文件：%1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>空文件（0 字节）</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>不是图像（文件内容为文本）</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>无法识别的图像格式（文件损坏或不受支持）</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>图像没有像素</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>疑似解压炸弹，已拒绝：%1 × %2 = %3 百万像素（上限 %4）</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>疑似解压炸弹，已拒绝：声明有 %1 百万像素（上限 %2）</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>疑似解压炸弹，已拒绝：声明的像素过多（上限 %1）</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>太大，无法安全解码：%1 需要 %2 GB 内存（上限 %3 GB）</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>太大，无法安全解码：%1 MB 的 RAW 文件（上限 %2 MB）</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>太大，无法安全解码（LibRaw 拒绝了其声明的尺寸）</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>内存不足，无法解码此图像</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>已拒绝：其元数据（文本或颜色配置文件）解压后超出上限</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>图像文件不完整（缺少文件末尾）</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>图像数据已损坏（%1）</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>RAW 数据已损坏（文件损坏或不完整）</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>不是 LibRaw 能读取的相机 RAW 文件（已损坏或相机不受支持）</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>此处无法读取相机 RAW 文件（rawpy：%1）</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>自扫描以来文件已更改（大小或修改时间不同）</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>自扫描以来文件已更改（现在另一个文件使用了它的名称）</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>自扫描以来文件已更改（被原地重写：状态更改时间不同）</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>自扫描以来文件内容已更改</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>该路径现在是符号链接，而不是文件本身</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>该路径不再是普通文件</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>无法检查文件：%1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>这会移除其所在组的所有副本</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>其所在组中没有保留的文件仍原样留在磁盘上（%1：%2）</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>位于受保护的文件夹：始终保留</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>它就是被操作的那个文件，只是换了一个名字（硬链接）</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>它的路径指向一个被操作的文件（通过符号链接）</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>在处理此文件前已取消</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 不是 dupe-viewer 报告（不是 UTF-8 文本）</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 不是 dupe-viewer 报告（不是有效的 JSON：%2）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 不是 dupe-viewer 报告（%2）</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 不是 dupe-viewer 报告（没有版本和文件夹）</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 是版本 %2 的报告；此版本读取版本 %3</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1：无法读取第 %2 组（%3）</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1：第 %2 行不是有效的 JSON（%3）</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>无法读取 %1：CSV 表格不是可以打开的报告</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 是空的：不是 JSON Lines 报告</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 不是 dupe-viewer 的 Parquet 报告</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Parquet 报告需要 pyarrow：pip install &apos;dupe-viewer[cluster]&apos;（或 pyarrow）</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>已关闭（--no-deep）</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>未安装模型</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>模型“%1”未安装</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>完全相同的副本</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>编辑过的副本</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>相似镜头</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>看起来相似</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考图</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>逐字节完全相同的文件。</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>同一张图片以不同方式保存：调整过大小、重新压缩或换了格式。</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>经过编辑的同一张图片：裁剪、旋转、改变颜色或添加标注。</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>同一场景的另一张照片：连拍中相隔片刻的一帧，或图片的另一种取景（其中一半）。不是副本：绝不会预先标记。</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>深度相似度模型认为看起来相似，但未核实为同一张图片（可能是相似主题的另一张照片）。绝不会预先标记。</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>正在查找文件</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>正在检查缓存</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>正在比较文件内容</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>正在读取图像</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>正在计算哈希</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>正在计算深度相似度</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>正在匹配</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>正在分组</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3 MP)</source>
        <translation>%1 × %2 像素（%3 百万像素）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Kept: in a protected folder</source>
        <translation>保留：位于受保护的文件夹</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>保留：组中最好的原始文件</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>保留：未经编辑的图片（其他都是编辑版本）</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>保留：实际分辨率最高（{pixels}）</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>保留：相机原片（{camera}）</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>保留：与其他所有版本最接近的版本（其他都是它的变体）</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>保留：编码最好（{encoding}）</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>保留：最先拍摄（{taken}）</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>保留：在逐字节相同的副本中选最旧的文件（其次是最短路径）</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>保留：按您的规则“{rule}”排在第一</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>位于受保护的文件夹：始终保留</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>与保留文件逐字节相同的副本</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>灰度副本</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>加了边框或黑边的副本</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>放大了 ×{factor}（细节并不比保留的文件多）</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>更小：分辨率为保留文件的 {percent}%</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>没有相机元数据</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>一个变体：与其他文件的差距比保留的文件更大</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>以较低质量重新编码（{encoding}，而保留文件为 {keeper_encoding}）</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>拍摄时间较晚</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>同一张图片，较新的文件</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>按您的规则“{rule}”排名较低</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>看起来相似，但未核实为同一张图片：由您决定</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>相似的镜头（不同时刻或取景），不是副本：由您决定</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>保留：这些镜头中最清晰、曝光最好的</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>不如保留的那一帧清晰</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>过曝或欠曝的像素比保留的那一帧多</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>保留：相机 RAW 文件（{format}）</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>同一镜头，RAW + {format}：保留的是相机 RAW 文件</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>图片的局部经过编辑（粘贴或涂抹；其他文件在该处一致）</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>保留的文件位于受保护的文件夹</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>实际分辨率高于保留的文件，后者仅因位于受保护的文件夹而被保留</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>相机原片；保留的文件仅因位于受保护的文件夹而被保留</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>未经编辑的图片；保留的文件仅因位于受保护的文件夹而被保留</translation>
    </message>
</context>
</TS>
