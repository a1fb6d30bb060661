<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Confirmation</name>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>%Ln more file marked in %1 you have not opened stays unless you include it.</numerusform>
            <numerusform>%Ln more files marked in %1 you have not opened stay unless you include them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>%Ln file marked in groups hidden by the filter is left alone.</numerusform>
            <numerusform>%Ln files marked in groups hidden by the filter are left alone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>Careful: a protected folder keeps a lesser copy over %Ln file (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</numerusform>
            <numerusform>Careful: a protected folder keeps a lesser copy over %Ln files (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln file marked for the trash (%1)</numerusform>
            <numerusform>%Ln files marked for the trash (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln group, %1 shown</numerusform>
            <numerusform>%Ln groups, %1 shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1: %Ln group of %2 read, from %3.</numerusform>
            <numerusform>%1: %Ln groups of %2 read, from %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>Scanned %1 in %2 (%3 from the cache): %Ln group.</numerusform>
            <numerusform>Scanned %1 in %2 (%3 from the cache): %Ln groups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>Moved %Ln file (%1) to the trash.</numerusform>
            <numerusform>Moved %Ln files (%1) to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>Moved %Ln file (%1) to the folder.</numerusform>
            <numerusform>Moved %Ln files (%1) to the folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln file could not be moved; it is listed below with the reason.</numerusform>
            <numerusform>%Ln files could not be moved; each is listed below with the reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>Moved %Ln file back. Rescan to see it in the groups again.</numerusform>
            <numerusform>Moved %Ln files back. Rescan to see them in the groups again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>%Ln file skipped as unsupported: %1</numerusform>
            <numerusform>%Ln files skipped as unsupported: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>%Ln problem found…</numerusform>
            <numerusform>%Ln problems found…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln file moved to %2</numerusform>
            <numerusform>%1 · %Ln files moved to %2</numerusform>
        </translation>
    </message>
</context>
</TS>
