<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>提案を承認</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>自動選択…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>フォルダーへ移動…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>実行前に確認します。ファイルはシステムのゴミ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>ゴミ箱行きに指定: %1（%2）、うち %3はまだ開いていないグループ内</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>ゴミ箱行きに指定: %1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>表示中のグループの %1をゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>%1をゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>ゴミ箱へ移動…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>ゴミ箱へ移動</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Side by side</source>
        <extracomment>Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair). What the groups shown were made with (the window&apos;s sliders), and why each member of the group shown is kept or goes.</extracomment>
        <translation>並べて比較</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>グループの 2 つのファイルを比較します。下で選択してください（G）</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>グループのすべてのファイルをグリッドで表示（G）</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>左に表示するファイル</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>右に表示するファイル</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>対</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>この 2 つは重複ではない</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>この 2 つのファイルを今後グループにしない（内容で記憶。［ツール ▸ 重複ではない項目…］で元に戻せます）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;グループ %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>［残す］/［ゴミ箱］をクリックするか、ファイルの番号キーを押します。A で承認して次のグループへ進みます。</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>%2 個中、最初の %1 個のファイルを表示しています。残りは［並べて比較］で比較してください。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>残す候補</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>この画像を表示できません:
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
        <translation>ゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>フォルダーへ移動</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>%1をゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1を移動</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>%1をゴミ箱へ移動しますか?</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>%1を %2へ移動しますか?</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>ゴミ箱行きに指定したファイルを含むグループをまだ 1 つも開いていません。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln グループ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>開いていない %1に、指定済みのファイルがほかに %Ln 個あります。含めない限りそのまま残ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>それらも含める: %1を移動</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>フィルターで非表示のグループ内にある指定済みの %Ln 個のファイルには手を付けません。</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>システムのゴミ箱から元に戻せます。</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>［ツール ▸ 移動を元に戻す］で元の場所へ戻せます。</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>開いていないグループ内:</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>注意: 保護フォルダーのために劣るコピーが残され、より良い %Ln 個のファイルが削除されます（実際の解像度がより高いもの、カメラのオリジナル、または未編集の画像）。先にこれらのグループを確認してください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln 個のファイル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>「重複ではない」と指定したグループとペアです。ファイルの名前を変えたり移動したりしても、スキャンのたびに別々のままになります。元に戻すと、再びグループとして表示されます。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>選択項目を元に戻す</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>ペア</translation>
    </message>
    <message>
        <source>group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>「重複ではない」と指定した項目はありません。</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>スキャン中に見つかった問題</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>これらのファイルやフォルダーは使用できませんでした。そのままにしてあり、ディスク上では何も変更していません。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>一覧をコピー</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File menu</source>
        <translation>ファイルのメニュー</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>%1を開けるアプリケーションがありません</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>既定のビューアーで開く</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>ファイルマネージャーで表示</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>パスをコピー</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>保護フォルダー内: 常に残します</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>このファイルを残す</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>ゴミ箱行きに指定</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>このファイルだけを残す</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>グループのメニュー</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>残すファイルを開く</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>残すファイルをファイルマネージャーで表示</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>グループのパスをコピー</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <source>Photos</source>
        <extracomment>Thumbnails per row in the list, their logical size, and the decode size (2× for HiDPI).</extracomment>
        <translation>写真</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル数</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>空く容量</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>残すファイル</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>緑: 残す。赤: ゴミ箱へ移動。青: 保護フォルダー。</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>グループ内のファイル数</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>グループ内で最も弱い一致: グループの基準ファイルに対する最も低い類似度で、しきい値が適用される値です</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>ファイルの違い: 完全なコピー、ほぼ重複、編集されたコピー、似たショット、または見た目が似ている</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>削除対象に指定したファイルをゴミ箱へ移動すると空く容量</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>残すことを提案するファイル</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>同一</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln 個のファイルをゴミ箱行きに指定（%1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. 重複グループ</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>ファイル名またはフォルダー名で絞り込み</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>この種類のグループを表示</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>重複グループ</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln グループ（%1 件を表示）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln グループ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Keep only this</source>
        <translation>これだけ残す</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>このファイルを残し、グループ内の他のすべてのファイルをゴミ箱行きに指定</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ 残す</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ ゴミ箱へ</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ 保護</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ゴミ箱</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>このファイルをゴミ箱行きに指定（または番号キーを押す）</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>やはりこのファイルを残す（または番号キーを押す）</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>保護フォルダー内: 常に残します。</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>残す候補のファイル</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>残すファイルと同一（バイト単位）</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>グループの基準: 他のファイルはこれと照合されました</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>残すファイルとの類似度 %1 · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>グループの基準との類似度 %1 · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>一致度</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>ピクセル</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>撮影日時</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>ファイルに日付がありません</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>最も古い</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The languages shipped, by Qt locale name, each in its own language: a person looks for their language by its own name, whatever the window speaks now. The settings key of the person&apos;s choice (&quot;&quot;: the system&apos;s language).</extracomment>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>新しい言語は次回 Dupe Viewer を起動したときに適用されます。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>再グループ化に失敗しました</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. スキャンするフォルダー</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>スキャンに失敗しました</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>レポートを開けません</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>スキャン中… 見つかったグループはここに表示されます。</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>重複グループは残っていません。すべて処理済みです。

再スキャンして確認するか、フォルダーを追加してください。</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>%1の中に重複は見つかりませんでした。

「どの程度似ているか」のスライダーを左に動かしてより緩い一致を探すか、フォルダーを追加してください。</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>重複が見つかる前にスキャンが中止されました。</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>再スキャン</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>すでに一覧にあります。</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>スキャンするフォルダーを追加</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>フォルダーが変更されました。［再スキャン］を押してグループを更新してください。</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>まずフォルダーを追加してください（ウィンドウにドロップできます）。</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>スキャンの終了を待つか、キャンセルしてください。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1：%2 グループ中 %Ln グループを読み込み（%3 から）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>グループ数の上限により、レポートの最後まで読まずに停止しました。</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>%1を %2でスキャンしました（%3 件はキャッシュから）: %Ln グループ。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>スキャンを停止しました。前回の完全なスキャンの結果をそのまま表示しています。</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>残すファイル以外をすべて指定</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>すべてのファイルを残す</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>指定を反転</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>提案に戻す</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>グループのファイル 1～9 を残す/ゴミ箱へ</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>マウスホイール / ドラッグ</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>すべての画像をまとめてズーム / 移動</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>このファイルは保護フォルダー内にあるため、常に残します。</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>どのグループでも少なくとも 1 つのファイルは残します。先に別のファイルを残してください。</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>AI 類似度モデル</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>AI 類似度では、切り抜き、傾いたコピー、大きく編集されたコピーも見つかります。小さなモデル（SqueezeNet 1.1、2.4 MB）が必要で、一度だけダウンロードし、既知のチェックサムで検証します。ネットワークがない場合は、別の場所でダウンロードしてここでファイルを選択してください。</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進行状況</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>既定のモデルをダウンロード</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選択…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>ダウンロードを中止</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>モデルファイルを選択</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX モデル (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>ダウンロード中…</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>%1をインストール中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2</source>
        <translation>%2 中 %1をダウンロード済み</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>%1をダウンロード済み</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>「%1」をインストールしました。再スキャンすると、切り抜きや編集されたコピーも見つかります。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>移動しなかったファイルとその理由</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>スキップ: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>グループのファイル</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
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
        <translation>残り約 %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>保存されたレポート %1（%2）</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>保存されたレポートを開く</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>スキャンレポート (*.json *.jsonl *.parquet);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>レポートを読み込み中</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>同一のファイル</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>コピー（リサイズ、再エンコード、回転）</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>編集されたコピー</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>似たショット</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>見た目が似ている</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>レポートを開く：どのグループ？</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>すべてのフォルダー</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>次の場所にファイルがあるグループ：</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>種類：</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>最大ファイルの下限（MB）：</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>最大ファイルの上限（MB）：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>最大グループ数：</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>このフォルダーにファイルがあるグループ</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>すべてのグループにルールを適用しました。</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>この判断を記憶できませんでした</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>「重複ではない」に指定しました。［ツール ▸ 重複ではない項目の一覧…］で元に戻せます</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>一覧を読み込めませんでした</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>元に戻せませんでした</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>指定したファイルをこのフォルダーへ移動</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>ゴミ箱行きに指定したファイルはありません。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>%Ln 個のファイル（%1）をゴミ箱へ移動しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>%Ln 個のファイル（%1）をフォルダーへ移動しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>%Ln 個のファイルを元に戻しました。再スキャンすると、再びグループに表示されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln 個のファイルを移動できませんでした。それぞれの理由を下に示します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>完了しました（問題あり）</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>記録: %1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>元に戻せませんでした</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>記録を読み込めませんでした</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>移動を元に戻す</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>グループをエクスポート</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>JSON レポート (*.json);;CSV 表 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1にエクスポートしました</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>サブフォルダー</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>このフォルダー内のフォルダーもスキャンします。</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>保護フォルダー内のファイルが削除対象として提案されることはありません。</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>スキャンするフォルダー</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>スキャンするフォルダーを選択（フォルダーをウィンドウにドロップすることもできます）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>選択したフォルダーをスキャン対象から外す（ファイルには触れません）</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>最高解像度</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>最大のファイル</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>最小のファイル</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>最も古い日付（撮影日時、なければ更新日時）</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>最も新しい日付（撮影日時、なければ更新日時）</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>優先フォルダー内</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>優先する形式</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>最も短いファイル名</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Choose which file to keep</source>
        <translation>残すファイルの選び方</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>これらのルールで各グループの残すファイルを選び、他のファイルはゴミ箱行きに指定します。最初のルールで決まり、以降のルールは同順位のときだけ使われます。保護フォルダー内のファイルは常に残します。手動での指定は置き換えられます。</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>ルールを追加</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>すべてのグループに適用</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>優先フォルダー</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>優先する形式</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>優先する順に形式をカンマ区切りで入力:</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>非対応のためスキップしたファイル</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>（スキャン）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>非対応のため %Ln 個のファイルをスキップ: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>（拡張子なし）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>%Ln 件の問題が見つかりました…</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan cancelled. What was read is cached: the next scan continues from there.</source>
        <translation>スキャンを中止しました。読み込んだ内容はキャッシュされ、次回のスキャンはそこから続きます。</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>（重複ではない項目の一覧）</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
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
        <translation>2. どの程度似ていればよいか</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>低く: グループが増え、編集されたコピーも含まれます。高く: ごく近いコピーだけになります。</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>AI 類似度では、同じ場面の別のショットもグループにします。</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>モデルをインストール…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>AI 類似度モデル（2.4 MB）をダウンロードするか、モデルファイルを選択</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>緩く</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>厳しく</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>必要な画像の類似度</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>必要な AI 類似度</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>保存されたレポートには見つかったグループしかありません：スライダーで厳しくすることはできますが、増やすことはできません。より緩い一致を探すにはフォルダーを再スキャンしてください。</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>AI 類似度モデルはインストール済みです。再スキャンすると使われます。</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>AI 類似度（切り抜きや傾いたコピーを見つけます）はオフです: モデルがインストールされていません。</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>AI 類似度はオフです: %1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>必要な画像の類似度: &lt;b&gt;%1%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>AI: %1%</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>移動を元に戻す</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>このアプリでフォルダーへ移動したファイルは、元の場所へ戻せます。元の場所がふさがっているファイルはそのままにします。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln 個のファイルを %2へ移動</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>元に戻せる移動はありません。</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>元に戻す</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Drop folders here to find duplicate photos</source>
        <translation>ここにフォルダーをドロップすると重複した写真を探します</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>Dupe Viewer は完全なコピーとほぼ重複したもの（サイズ変更、保存し直し、編集されたもの）を見つけて並べて表示します。何を残すかはあなたが選びます。何も削除されません。不要なコピーは確認後にゴミ箱へ移動します。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>一覧のフォルダーをスキャン</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>フォルダーを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>スキャンするフォルダーを選択</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>スキャン(&amp;S)</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>一覧のフォルダーをスキャン（結果はキャッシュされるので次回も高速）</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>スキャンを中止(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>スキャンを停止します。ここまで読み込んだ内容は次回のために保持されます</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>グループをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>グループを JSON または CSV のレポートとして保存</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>レポートを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>保存されたスキャンレポートのグループを確認（JSON、JSON Lines、Parquet）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>次のグループ</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>前のグループ</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>提案を承認して次のグループへ</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>提案されたファイルを残し、他のコピーをゴミ箱行きにして次のグループを表示</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>このグループのファイルをすべて残す</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>このグループのファイルを 1 つ残してすべて指定</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>残す候補以外をすべてゴミ箱行きに指定</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>このグループの指定を反転</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>表示中のすべてのグループで全部指定</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>表示中の各グループで、残すファイル以外をすべてゴミ箱行きに指定</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>表示中のすべてのグループで指定をすべて解除</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>表示中のすべてのグループの指定を反転</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>すべての指定を提案に戻す</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>自動選択のルール(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>ルールで各グループの残すファイルを選択</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>重複ではない</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>これらのファイルは重複ではありません: 今後グループにしない</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>指定したファイルをゴミ箱へ移動…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>指定したファイルをフォルダーへ移動…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>指定したファイルをゴミ箱ではなくフォルダーへ移動</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>フォルダーへの移動を元に戻す…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>重複ではない項目の一覧…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>見つかった問題…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>AI 類似度モデルをインストール…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>既定のモデルをダウンロードするか、モデルファイルを選択</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>各画像をペインに合わせて表示（F）</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>最大の画像を等倍で表示し、他の画像は同じ範囲を表示（Z）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全画面</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>比較だけを全画面で表示（F11、Esc で戻る）</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>並べて比較 / すべてのファイル</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>次のファイルと比較</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>前のファイルと比較</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>全画面を終了 / スキャンを中止</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>ファイル %1を残す/ゴミ箱へ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>確認(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>見つかりません: %1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>ファイルは読み込む前になくなっていました</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>スキャン中になくなりました（削除または移動）</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>アクセスが拒否されました</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>ファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>存在しません</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>壊れたシンボリックリンク</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>シンボリックリンクのループ</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>画像ファイルではありません（不明な拡張子）</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>スキップ: %1（通常のファイルではありません）</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>通常のファイルではありません: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>空のファイル（0 バイト）</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>画像ではありません（ファイルの中身はテキストです）</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>認識できない画像形式です（破損しているか非対応のファイル）</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>画像にピクセルがありません</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>解凍爆弾の可能性があるため拒否: %1 × %2 = %3 メガピクセル（上限 %4）</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>解凍爆弾の可能性があるため拒否: %1 メガピクセルと宣言されています（上限 %2）</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>解凍爆弾の可能性があるため拒否: 宣言されたピクセル数が多すぎます（上限 %1）</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>大きすぎて安全にデコードできません: %1には %2 GB のメモリーが必要です（上限 %3 GB）</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>大きすぎて安全にデコードできません: %1 MB の RAW ファイル（上限 %2 MB）</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>大きすぎて安全にデコードできません（LibRaw が宣言されたサイズを拒否しました）</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>この画像をデコードするためのメモリーが足りません</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>拒否: メタデータ（テキストまたはカラープロファイル）が展開すると上限を超えます</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>画像ファイルが途中で切れています（ファイルの末尾がありません）</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>画像データが破損しています（%1）</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>RAW データが破損しています（ファイルの損傷または途中切れ）</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>LibRaw で読み込める RAW ファイルではありません（破損しているか、非対応のカメラ）</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>ここではカメラの RAW ファイルを読み込めません（rawpy: %1）</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>スキャン後にファイルが変更されました（サイズまたは更新日時が異なります）</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>スキャン後にファイルが変更されました（別のファイルが同じ名前になっています）</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>スキャン後にファイルが変更されました（その場で書き換えられ、状態変更日時が異なります）</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>スキャン後にファイルの内容が変更されました</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>ファイルはもう存在しません</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>パスがファイル自体ではなくシンボリックリンクになっています</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>パスが通常のファイルではなくなっています</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>ファイルを確認できません: %1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>グループ内のすべてのコピーがなくなってしまいます</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>グループ内で残すファイルが、変更のない状態でディスク上に 1 つも残っていません（%1: %2）</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>保護フォルダー内: 常に残します</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>操作対象のファイルそのものを別の名前で指しています（ハードリンク）</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>そのパスは操作対象のファイルを指しています（シンボリックリンク経由）</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>このファイルの前で中止されました</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 は dupe-viewer のレポートではありません（UTF-8 テキストではありません）</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 は dupe-viewer のレポートではありません（有効な JSON ではありません: %2）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 は dupe-viewer のレポートではありません（%2）</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 は dupe-viewer のレポートではありません（バージョンとフォルダーがありません）</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 はバージョン %2 のレポートです。このバージョンが読めるのはバージョン %3 です</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1: グループ %2 を読み込めません（%3）</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1: %2 行目は有効な JSON ではありません（%3）</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>%1 を読み込めません: CSV の表は開けるレポートではありません</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 は空です: JSON Lines のレポートではありません</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 は dupe-viewer の Parquet レポートではありません</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Parquet レポートには pyarrow が必要です: pip install &apos;dupe-viewer[cluster]&apos;（または pyarrow）</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>オフにされています（--no-deep）</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>モデルがインストールされていません</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>モデル「%1」はインストールされていません</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>名前付きパイプ（FIFO）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>キャラクターデバイス</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ブロックデバイス</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>完全なコピー</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>ほぼ重複</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>編集されたコピー</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>似たショット</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>見た目が似ている</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>バイト単位で同一のファイルです。</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>同じ画像を別の方法で保存したもの: サイズ変更、再圧縮、または別の形式。</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>編集された同じ画像: 切り抜き、回転、色の変更、書き込みなど。</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>同じ場面の別のショット: 連写で少し後に撮られたコマ、または画像の別の構図（その半分など）。コピーではないため、事前に指定されることはありません。</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>AI 類似度モデルでは似ていると判断されましたが、同じ画像とは確認されていません（似た被写体の別の写真）。事前に指定されることはありません。</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>ファイルを探しています</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>キャッシュを確認しています</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>ファイルの内容を比較しています</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>画像を読み込んでいます</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>ハッシュを計算しています</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>AI 類似度を計算しています</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>照合しています</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>グループ化しています</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3 MP)</source>
        <translation>%1 × %2 px（%3 メガピクセル）</translation>
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
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Kept: in a protected folder</source>
        <translation>残す: 保護フォルダー内</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>残す: グループで最良のオリジナル</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>残す: 未編集の画像（他は編集版）</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>残す: 実際の解像度が最も高い（{pixels}）</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>残す: カメラのオリジナル（{camera}）</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>残す: 他のすべてに最も近い版（他はその派生版）</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>残す: 最良のエンコード（{encoding}）</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>残す: 最初に撮影（{taken}）</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>残す: バイト単位で同一のコピーのうち最も古いファイル（次に最も短いパス）</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>残す: ルール「{rule}」で 1 位</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>保護フォルダー内: 常に残します</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>残すファイルとバイト単位で同一のコピー</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>グレースケールのコピー</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>枠や帯が付いたコピー</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>×{factor} に拡大（残すファイルより細部が多いわけではない）</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>小さい: 残すファイルの解像度の {percent}%</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>カメラのメタデータなし</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>派生版: 残すファイルよりも他から離れている</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>低い品質で再エンコード（{encoding}、残すファイルは {keeper_encoding}）</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>後から撮影</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>同じ画像で、より新しいファイル</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>ルール「{rule}」で下位</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>見た目は似ていますが、同じ画像とは確認されていません: あなたが判断してください</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>似たショット（別の瞬間や構図）でコピーではありません: あなたが判断してください</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>残す: これらのショットで最も鮮明で露出が適正</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>残すコマより鮮明さが劣る</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>残すコマより白飛び・黒つぶれの画素が多い</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>残す: カメラの RAW（{format}）</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>同じショットの RAW + {format}: 残すのはカメラの RAW です</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>画像の一部が編集されています（貼り付けや塗りつぶし。他のファイルはその部分で一致）</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>残すファイルは保護フォルダー内にあります</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>残すファイルより実際の解像度が高い（残すファイルは保護フォルダーにあるため残されるだけ）</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>カメラのオリジナル（残すファイルは保護フォルダーにあるため残されるだけ）</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>未編集の画像（残すファイルは保護フォルダーにあるため残されるだけ）</translation>
    </message>
</context>
</TS>
