<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>Vorschlag annehmen</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>Automatisch auswählen…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Duplikate</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>In Ordner verschieben…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>Fragt zuerst nach. Dateien lassen sich aus dem Papierkorb des Systems wiederherstellen.</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>Für den Papierkorb markiert: %1 (%2), davon %3 in noch nicht geöffneten Gruppen</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>Für den Papierkorb markiert: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>%1 der angezeigten Gruppen in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>%1 in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>In den Papierkorb verschieben…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Side by side</source>
        <extracomment>Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair). What the groups shown were made with (the window&apos;s sliders), and why each member of the group shown is kept or goes.</extracomment>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>Zwei Dateien der Gruppe vergleichen; welche, wählen Sie darunter (G)</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>Alle Dateien der Gruppe in einem Raster zeigen (G)</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>Links gezeigte Datei</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>Rechts gezeigte Datei</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>vs.</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>Diese beiden sind keine Duplikate</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>Diese beiden Dateien nie wieder gruppieren (am Inhalt erkannt; rückgängig unter Werkzeuge ▸ Keine Duplikate…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Gruppe %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>Klicken Sie auf Behalten/Papierkorb oder drücken Sie die Nummer der Datei; A nimmt an und zeigt die nächste Gruppe.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>Die ersten %1 von %2 Dateien werden gezeigt; vergleichen Sie die übrigen mit „Nebeneinander“.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>zum Behalten vorgeschlagen</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>Dieses Bild kann nicht angezeigt werden:
%1</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>In einen Ordner verschieben</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>%1 in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>%1 in den Papierkorb verschieben?</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>%1 nach %2 verschieben?</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>Noch keine Gruppe mit für den Papierkorb markierten Dateien wurde geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln Gruppe</numerusform>
            <numerusform>%Ln Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>%Ln weitere markierte Datei in %1, die Sie nicht geöffnet haben, bleibt, sofern Sie sie nicht einbeziehen.</numerusform>
            <numerusform>%Ln weitere markierte Dateien in %1, die Sie nicht geöffnet haben, bleiben, sofern Sie sie nicht einbeziehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>Einbeziehen: %1 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>%Ln markierte Datei in vom Filter ausgeblendeten Gruppen bleibt unangetastet.</numerusform>
            <numerusform>%Ln markierte Dateien in vom Filter ausgeblendeten Gruppen bleiben unangetastet.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>Sie können sie aus dem Papierkorb des Systems wiederherstellen.</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>Sie können sie mit Werkzeuge ▸ Verschieben rückgängig machen zurückholen.</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>In Gruppen, die Sie nicht geöffnet haben:</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>Vorsicht: Ein geschützter Ordner behält eine schlechtere Kopie, während %Ln bessere Datei gehen würde (eine höhere echte Auflösung, das Kameraoriginal oder das unbearbeitete Bild). Prüfen Sie diese Gruppen zuerst.</numerusform>
            <numerusform>Vorsicht: Ein geschützter Ordner behält eine schlechtere Kopie, während %Ln bessere Dateien gehen würden (eine höhere echte Auflösung, das Kameraoriginal oder das unbearbeitete Bild). Prüfen Sie diese Gruppen zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Duplikate</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>Gruppen und Paare, die Sie als „keine Duplikate“ markiert haben. Sie bleiben bei jeder Suche getrennt, auch nach Umbenennen oder Verschieben der Dateien. Stellen Sie einen Eintrag wieder her, um ihn erneut gruppiert zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>Auswahl wiederherstellen</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>Nichts wurde als „keine Duplikate“ markiert.</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>Bei der Suche gefundene Probleme</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>Diese Dateien oder Ordner konnten nicht verwendet werden. Sie wurden nicht angetastet; auf dem Datenträger wurde nichts geändert.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Liste kopieren</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File menu</source>
        <translation>Dateimenü</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Keine Anwendung konnte %1 öffnen</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>Im Standardbetrachter öffnen</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>Im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>In einem geschützten Ordner: wird immer behalten</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Diese Datei behalten</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>Für den Papierkorb markieren</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>Nur diese Datei behalten</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>Gruppenmenü</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>Behaltene Datei öffnen</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>Behaltene Datei im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>Pfade der Gruppe kopieren</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <source>Photos</source>
        <extracomment>Thumbnails per row in the list, their logical size, and the decode size (2× for HiDPI).</extracomment>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>Platzgewinn</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Behaltene Datei</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>Grün: wird behalten. Rot: kommt in den Papierkorb. Blau: geschützter Ordner.</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>Anzahl der Dateien in der Gruppe</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>Die schwächste Übereinstimmung der Gruppe: die geringste Ähnlichkeit einer Datei mit der Referenz der Gruppe, der Wert, für den die Schwelle gilt</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>Wie sich die Dateien unterscheiden: exakte Kopie, Beinahe-Duplikat, bearbeitete Kopie, ähnliche Aufnahme oder sieht ähnlich aus</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>Platz, der frei wird, wenn die zum Löschen markierten Dateien in den Papierkorb kommen</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>Die zum Behalten vorgeschlagene Datei</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln Datei für den Papierkorb markiert (%1)</numerusform>
            <numerusform>%Ln Dateien für den Papierkorb markiert (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. Duplikatgruppen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>Nach Datei- oder Ordnernamen filtern</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>Gruppen dieser Art zeigen</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Duplikatgruppen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln Gruppe, %1 angezeigt</numerusform>
            <numerusform>%Ln Gruppen, %1 angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln Gruppe</numerusform>
            <numerusform>%Ln Gruppen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Keep only this</source>
        <translation>Nur diese behalten</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>Diese Datei behalten und alle anderen Dateien der Gruppe für den Papierkorb markieren</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ BEHALTEN</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ PAPIERKORB</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ GESCHÜTZT</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>Diese Datei für den Papierkorb markieren (oder ihre Nummer drücken)</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>Diese Datei doch behalten (oder ihre Nummer drücken)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>In einem geschützten Ordner: wird immer behalten.</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>die zum Behalten vorgeschlagene Datei</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>identisch mit der behaltenen Datei (Byte für Byte)</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>die Referenz der Gruppe: die anderen wurden mit ihr verglichen</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>%1 ähnlich zur behaltenen Datei · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>%1 ähnlich zur Referenz der Gruppe · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>am größten</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>kein Datum in der Datei</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>am ältesten</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The languages shipped, by Qt locale name, each in its own language: a person looks for their language by its own name, whatever the window speaks now. The settings key of the person&apos;s choice (&quot;&quot;: the system&apos;s language).</extracomment>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Dupe Viewer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>Neugruppierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. Zu durchsuchende Ordner</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>Der Bericht lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>Suche läuft… Gruppen erscheinen hier, sobald sie gefunden werden.</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>Es sind keine Duplikatgruppen mehr übrig: alle wurden erledigt.

Durchsuchen Sie erneut oder fügen Sie weitere Ordner hinzu.</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>Unter %1 wurden keine Duplikate gefunden.

Schieben Sie den Regler „Wie ähnlich“ nach links, um nach lockereren Übereinstimmungen zu suchen, oder fügen Sie weitere Ordner hinzu.</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>Die Suche wurde abgebrochen, bevor Duplikate gefunden wurden.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Erneut durchsuchen</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>Bereits in der Liste.</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Zu durchsuchenden Ordner hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>Ordner geändert: Klicken Sie auf „Erneut durchsuchen“, um die Gruppen zu aktualisieren.</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>Fügen Sie zuerst einen Ordner hinzu (ziehen Sie ihn auf das Fenster).</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>Warten Sie, bis der Scan endet, oder brechen Sie ihn ab.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1: %Ln Gruppe von %2 gelesenen, aus %3.</numerusform>
            <numerusform>%1: %Ln Gruppen von %2 gelesenen, aus %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>Die Gruppengrenze hat das Lesen vor dem Ende des Berichts beendet.</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>%1 in %2 durchsucht (%3 aus dem Zwischenspeicher): %Ln Gruppe.</numerusform>
            <numerusform>%1 in %2 durchsucht (%3 aus dem Zwischenspeicher): %Ln Gruppen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>Suche angehalten. Die Ergebnisse der letzten vollständigen Suche werden weiterhin angezeigt.</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>Alle außer der behaltenen markieren</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>Alle Dateien behalten</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>Markierungen umkehren</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>Zurück zum Vorschlag</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>Datei 1 bis 9 der Gruppe behalten/in den Papierkorb</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>Mausrad / Ziehen</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>Alle Bilder gemeinsam zoomen / verschieben</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>Diese Datei liegt in einem geschützten Ordner; sie wird immer behalten.</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>Von jeder Gruppe wird mindestens eine Datei behalten. Behalten Sie zuerst eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>Modell für KI-Ähnlichkeit</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>Die KI-Ähnlichkeit findet auch Ausschnitte, gekippte und stark bearbeitete Kopien. Sie braucht ein kleines Modell (SqueezeNet 1.1, 2,4 MB), das einmal heruntergeladen und mit seiner bekannten Prüfsumme verglichen wird. Ohne Netzwerk laden Sie es anderswo herunter und wählen die Datei hier aus.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>Standardmodell herunterladen</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>Modelldatei auswählen…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Modelldatei auswählen</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX-Modell (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>%1 wird installiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2</source>
        <translation>%1 von %2 heruntergeladen</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>%1 heruntergeladen</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>„%1“ installiert. Durchsuchen Sie erneut, um auch Ausschnitte und bearbeitete Kopien zu finden.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>Nicht verschobene Dateien, mit Grund</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>Dateien der Gruppe</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>Gespeicherter Bericht %1 (%2)</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>Gespeicherten Bericht öffnen</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>Scan-Berichte (*.json *.jsonl *.parquet);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>Bericht wird gelesen</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>Identische Dateien</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>Kopien (verkleinert, neu kodiert, gedreht)</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>Bearbeitete Kopien</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>Ähnliche Aufnahmen</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>Sieht ähnlich aus</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>Bericht öffnen: welche Gruppen?</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>Alle Ordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>Gruppen mit einer Datei in:</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Arten:</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>Größte Datei mindestens (MB):</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>Größte Datei höchstens (MB):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>Höchstens so viele Gruppen:</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>Gruppen mit einer Datei in diesem Ordner</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>Regeln auf alle Gruppen angewendet.</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>Diese Entscheidung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>Als „keine Duplikate“ markiert. Rückgängig unter Werkzeuge ▸ Liste „Keine Duplikate“…</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>Die Liste konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>Markierte Dateien in diesen Ordner verschieben</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>Keine Datei ist für den Papierkorb markiert.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>%Ln Datei (%1) in den Papierkorb verschoben.</numerusform>
            <numerusform>%Ln Dateien (%1) in den Papierkorb verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>%Ln Datei (%1) in den Ordner verschoben.</numerusform>
            <numerusform>%Ln Dateien (%1) in den Ordner verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>%Ln Datei zurückverschoben. Durchsuchen Sie erneut, um sie wieder in den Gruppen zu sehen.</numerusform>
            <numerusform>%Ln Dateien zurückverschoben. Durchsuchen Sie erneut, um sie wieder in den Gruppen zu sehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln Datei konnte nicht verschoben werden; sie steht unten mit dem Grund.</numerusform>
            <numerusform>%Ln Dateien konnten nicht verschoben werden; jede steht unten mit dem Grund.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Fertig, mit Problemen</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>Rückgängigmachen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>Das Protokoll konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>Verschieben rückgängig machen</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>Gruppen exportieren</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>JSON-Bericht (*.json);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>Unterordner</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>Auch die Ordner in diesem Ordner durchsuchen.</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>Dateien in einem geschützten Ordner werden nie zum Löschen vorgeschlagen.</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>Zu durchsuchende Ordner</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>Zu durchsuchenden Ordner auswählen (Sie können Ordner auch auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>Die ausgewählten Ordner nicht mehr durchsuchen (keine Datei wird angetastet)</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>Höchste Auflösung</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Größte Datei</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>Kleinste Datei</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>Ältestes Datum (Aufnahme, sonst Änderung)</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>Neuestes Datum (Aufnahme, sonst Änderung)</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>In einem bevorzugten Ordner</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>Bevorzugtes Format</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>Kürzester Dateiname</translation>
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
        <translation>Festlegen, welche Datei behalten wird</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>Diese Regeln wählen in jeder Gruppe die Datei aus, die behalten wird; die anderen werden für den Papierkorb markiert. Die erste Regel entscheidet, die weiteren nur bei Gleichstand. Dateien in geschützten Ordnern werden immer behalten. Ihre eigenen Markierungen werden ersetzt.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>Auf alle Gruppen anwenden</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Bevorzugter Ordner</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>Bevorzugte Formate</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>Formate in der Reihenfolge der Vorliebe, durch Kommas getrennt:</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>Als nicht unterstützt übersprungene Dateien</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>(Suche)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>%Ln Datei als nicht unterstützt übersprungen: %1</numerusform>
            <numerusform>%Ln Dateien als nicht unterstützt übersprungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(ohne Endung)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>%Ln Problem gefunden…</numerusform>
            <numerusform>%Ln Probleme gefunden…</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan cancelled. What was read is cached: the next scan continues from there.</source>
        <translation>Suche abgebrochen. Was gelesen wurde, ist zwischengespeichert: die nächste Suche macht dort weiter.</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>(Liste „Keine Duplikate“)</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>Konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>SimilarityPanel</name>
    <message>
        <source>2. How alike must files be?</source>
        <translation>2. Wie ähnlich müssen Dateien sein?</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>Niedriger: mehr Gruppen, auch bearbeitete Kopien. Höher: nur sehr ähnliche Kopien.</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>Die KI-Ähnlichkeit gruppiert auch verschiedene Aufnahmen derselben Szene.</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>Modell installieren…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>Das Modell für die KI-Ähnlichkeit herunterladen (2,4 MB) oder eine Modelldatei auswählen</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>lockerer</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>strenger</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>Nötige Bildähnlichkeit</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>Nötige KI-Ähnlichkeit</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>Ein gespeicherter Bericht enthält nur die gefundenen Gruppen: Der Regler kann sie strenger machen, aber keine weiteren finden. Scannen Sie die Ordner erneut, um nach lockereren Übereinstimmungen zu suchen.</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>Das Modell für die KI-Ähnlichkeit ist installiert: Durchsuchen Sie erneut, um es zu nutzen.</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>Die KI-Ähnlichkeit (findet Ausschnitte und gekippte Kopien) ist aus: Es ist kein Modell installiert.</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>Die KI-Ähnlichkeit ist aus: %1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>Nötige Bildähnlichkeit: &lt;b&gt;%1 %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>KI: %1 %</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>Verschieben rückgängig machen</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>Dateien, die diese Anwendung in einen Ordner verschoben hat, lassen sich an ihren alten Ort zurückverschieben. Eine Datei, deren ursprünglicher Platz wieder belegt ist, bleibt, wo sie ist.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln Datei nach %2 verschoben</numerusform>
            <numerusform>%1 · %Ln Dateien nach %2 verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>Kein Verschieben kann rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Zurückverschieben</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Drop folders here to find duplicate photos</source>
        <translation>Ordner hierher ziehen, um doppelte Fotos zu finden</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>Dupe Viewer findet exakte Kopien und Beinahe-Duplikate (verkleinert, neu gespeichert, bearbeitet) und zeigt sie nebeneinander. Sie entscheiden, was bleibt; nichts wird gelöscht: Unerwünschte Kopien kommen nach Ihrer Bestätigung in den Papierkorb.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>Aufgelistete Ordner durchsuchen</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>Zu durchsuchenden Ordner auswählen</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>Aufgelistete Ordner durchsuchen (wiederholt schnell: Ergebnisse werden zwischengespeichert)</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>Suche &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>Suche anhalten; was bisher gelesen wurde, bleibt für das nächste Mal erhalten</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>Gruppen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>Gruppen als JSON- oder CSV-Bericht speichern</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>Bericht ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>Die Gruppen eines gespeicherten Scan-Berichts prüfen (JSON, JSON Lines oder Parquet)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Nächste Gruppe</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Vorherige Gruppe</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>Vorschlag annehmen und zur nächsten Gruppe</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>Vorgeschlagene Datei behalten, die anderen Kopien in den Papierkorb und die nächste Gruppe zeigen</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>Alle Dateien dieser Gruppe behalten</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>Alle Dateien dieser Gruppe bis auf eine markieren</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>Alle außer der vorgeschlagenen Datei für den Papierkorb markieren</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>Markierungen dieser Gruppe umkehren</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>In allen angezeigten Gruppen alle markieren</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>In jeder angezeigten Gruppe alle außer der behaltenen Datei für den Papierkorb markieren</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>In allen angezeigten Gruppen alle Markierungen entfernen</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>Markierungen aller angezeigten Gruppen umkehren</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>Alle Markierungen auf die Vorschläge zurücksetzen</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>&amp;Regeln für automatische Auswahl…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>Per Regeln festlegen, welche Datei in jeder Gruppe behalten wird</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Keine Duplikate</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>Diese Dateien sind keine Duplikate: nie wieder gruppieren</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>Markierte Dateien in den Papierkorb verschieben…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>Markierte Dateien in einen Ordner verschieben…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>Markierte Dateien statt in den Papierkorb in einen Ordner verschieben</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>Verschieben in Ordner rückgängig machen…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>Liste „Keine Duplikate“…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>Gefundene Probleme…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>Modell für KI-Ähnlichkeit installieren…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>Standardmodell herunterladen oder eine Modelldatei auswählen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>Jedes Bild in sein Feld einpassen (F)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>Tatsächliche Pixel des größten Bildes; die anderen zeigen denselben Bereich (Z)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>Nur den Vergleich zeigen, im Vollbild (F11, Esc zum Verlassen)</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>Nebeneinander / alle Dateien</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>Mit der nächsten Datei vergleichen</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>Mit der vorherigen Datei vergleichen</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>Vollbild verlassen / Suche abbrechen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>Datei %1 behalten/in den Papierkorb</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>Die Datei war verschwunden, bevor sie gelesen werden konnte</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>Während der Suche verschwunden (gelöscht oder verschoben)</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>Ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>Existiert nicht</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>Defekte symbolische Verknüpfung</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>Schleife symbolischer Verknüpfungen</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>Keine Bilddatei (unbekannte Endung)</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>Übersprungen: %1, keine normale Datei</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>Keine normale Datei: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>Leere Datei (0 Byte)</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>Kein Bild (die Datei enthält Text)</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>Kein erkanntes Bildformat (beschädigte oder nicht unterstützte Datei)</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>Das Bild hat keine Pixel</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>Als mögliche Dekompressionsbombe abgelehnt: %1 × %2 = %3 Megapixel (Grenze %4)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>Als mögliche Dekompressionsbombe abgelehnt: sie gibt %1 Megapixel an (Grenze %2)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>Als mögliche Dekompressionsbombe abgelehnt: sie gibt zu viele Pixel an (Grenze %1)</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>Zu groß zum sicheren Dekodieren: %1 bräuchte %2 GB Speicher (Grenze %3 GB)</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>Zu groß zum sicheren Dekodieren: eine RAW-Datei mit %1 MB (Grenze %2 MB)</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>Zu groß zum sicheren Dekodieren (LibRaw lehnte die angegebene Größe ab)</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>Nicht genug Speicher, um dieses Bild zu dekodieren</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>Abgelehnt: seine Metadaten (Text oder Farbprofil) wachsen beim Entpacken über die Grenze</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>Abgeschnittene Bilddatei (das Ende der Datei fehlt)</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>Beschädigte Bilddaten (%1)</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>Beschädigte RAW-Daten (die Datei ist defekt oder abgeschnitten)</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>Keine Kamera-RAW-Datei, die LibRaw lesen kann (beschädigt oder nicht unterstützte Kamera)</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>Kamera-RAW-Dateien können hier nicht gelesen werden (rawpy: %1)</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>Die Datei hat sich seit der Suche geändert (Größe oder Änderungszeit weichen ab)</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>Die Datei hat sich seit der Suche geändert (eine andere Datei trägt jetzt ihren Namen)</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>Die Datei hat sich seit der Suche geändert (an Ort und Stelle neu geschrieben: ihre Statusänderungszeit weicht ab)</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>Der Inhalt der Datei hat sich seit der Suche geändert</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>Die Datei existiert nicht mehr</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>Der Pfad ist jetzt eine symbolische Verknüpfung, nicht die Datei selbst</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>Der Pfad ist keine normale Datei mehr</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>Die Datei kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>Damit würde jede Kopie ihrer Gruppe entfernt</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>Keine behaltene Datei ihrer Gruppe liegt noch unverändert auf dem Datenträger (%1: %2)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>In einem geschützten Ordner: wird immer behalten</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>Es ist genau die bearbeitete Datei, unter einem anderen Namen (ein harter Link)</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>Sein Pfad führt zu einer bearbeiteten Datei (über eine symbolische Verknüpfung)</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>Vor dieser Datei abgebrochen</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 ist kein dupe-viewer-Bericht (kein UTF-8-Text)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 ist kein dupe-viewer-Bericht (kein gültiges JSON: %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 ist kein dupe-viewer-Bericht (%2)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 ist kein dupe-viewer-Bericht (Version und Ordner fehlen)</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 ist ein Bericht der Version %2; diese Version liest Version %3</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1: Gruppe %2 kann nicht gelesen werden (%3)</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1: Zeile %2 ist kein gültiges JSON (%3)</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>%1 kann nicht gelesen werden: eine CSV-Tabelle ist kein Bericht, der sich öffnen lässt</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 ist leer: kein JSON-Lines-Bericht</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 ist kein Parquet-Bericht von dupe-viewer</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Parquet-Berichte brauchen pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (oder pyarrow)</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>ausgeschaltet (--no-deep)</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>es ist kein Modell installiert</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>das Modell „%1“ ist nicht installiert</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine normale Datei</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>exakte Kopie</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>Beinahe-Duplikat</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>bearbeitete Kopie</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>ähnliche Aufnahme</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>sieht ähnlich aus</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>Byte für Byte identische Dateien.</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>Dasselbe Bild, anders gespeichert: verkleinert, neu komprimiert oder in einem anderen Format.</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>Dasselbe Bild mit Bearbeitungen: beschnitten, gedreht, Farben geändert oder beschriftet.</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>Eine andere Aufnahme derselben Szene: ein Bild einer Serie, einen Augenblick später aufgenommen, oder ein anderer Ausschnitt des Bildes (eine Hälfte davon). Keine Kopie: wird nie vorab markiert.</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>Sieht für das KI-Modell ähnlich aus, ist aber nicht als dasselbe Bild bestätigt (ein anderes Foto eines ähnlichen Motivs). Wird nie vorab markiert.</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>Dateien werden gesucht</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>Zwischenspeicher wird geprüft</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>Dateiinhalte werden verglichen</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Bilder werden gelesen</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>Prüfsummen werden berechnet</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>KI-Ähnlichkeit wird berechnet</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3 MP)</source>
        <translation>%1 × %2 px (%3 MP)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Kept: in a protected folder</source>
        <translation>Behalten: in einem geschützten Ordner</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>Behalten: das beste Original der Gruppe</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>Behalten: das unbearbeitete Bild (die anderen sind Bearbeitungen)</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>Behalten: die höchste echte Auflösung ({pixels})</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>Behalten: das Kameraoriginal ({camera})</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>Behalten: die Fassung, die allen anderen am nächsten ist (sie sind ihre Varianten)</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>Behalten: die beste Kodierung ({encoding})</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>Behalten: zuerst aufgenommen ({taken})</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>Behalten: von byte-identischen Kopien die älteste Datei (danach der kürzeste Pfad)</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>Behalten: vorn nach Ihrer Regel „{rule}“</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>In einem geschützten Ordner: wird immer behalten</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>Byte-identische Kopie der behaltenen Datei</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>Graustufen-Kopie</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>Kopie mit Rand oder Balken</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>Hochskaliert ×{factor} (nicht mehr Details als die behaltene Datei)</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>Kleiner: {percent} % der Auflösung der behaltenen Datei</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>Keine Kamera-Metadaten</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>Eine Variante: weiter von den anderen entfernt als die behaltene Datei</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>In geringerer Qualität neu kodiert ({encoding} statt {keeper_encoding})</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>Später aufgenommen</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>Dasselbe Bild, eine neuere Datei</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>Nachrangig nach Ihrer Regel „{rule}“</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>Sieht ähnlich aus, nicht als dasselbe Bild bestätigt: Ihre Entscheidung</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>Eine ähnliche Aufnahme (ein anderer Moment oder Ausschnitt), keine Kopie: Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>Behalten: die schärfste, am besten belichtete dieser Aufnahmen</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>Weniger scharf als die behaltene Aufnahme</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>Mehr ausgefressene oder abgesoffene Pixel als die behaltene Aufnahme</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>Behalten: die Kamera-RAW-Datei ({format})</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>Dieselbe Aufnahme, RAW + {format}: behalten wird die Kamera-RAW-Datei</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>In einem Teil des Bildes bearbeitet (eingefügt oder übermalt; die anderen stimmen dort überein)</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>Die behaltene Datei liegt in einem geschützten Ordner</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>Höhere echte Auflösung als die behaltene Datei, die nur wegen ihres geschützten Ordners bleibt</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>Das Kameraoriginal; die behaltene Datei bleibt nur wegen ihres geschützten Ordners</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>Das unbearbeitete Bild; die behaltene Datei bleibt nur wegen ihres geschützten Ordners</translation>
    </message>
</context>
</TS>
