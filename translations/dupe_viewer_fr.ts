<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>Accepter la suggestion</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>Sélection automatique…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>Déplacer vers un dossier…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>Demande d&apos;abord confirmation. Les fichiers peuvent être restaurés depuis la corbeille du système.</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>Marqués pour la corbeille&#xa0;: %1 (%2), dont %3 dans des groupes pas encore ouverts</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>Marqués pour la corbeille&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>Mettre %1 des groupes affichés à la corbeille</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mettre %1 à la corbeille</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>Mettre à la corbeille…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Side by side</source>
        <extracomment>Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair). What the groups shown were made with (the window&apos;s sliders), and why each member of the group shown is kept or goes.</extracomment>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>Comparer deux fichiers du groupe&#xa0;; choisissez-les ci-dessous (G)</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>Afficher tous les fichiers du groupe dans une grille (G)</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>Fichier affiché à gauche</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>Fichier affiché à droite</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>contre</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>Ces deux-là ne sont pas des doublons</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>Ne plus jamais regrouper ces deux fichiers (reconnus par leur contenu&#xa0;; annulable dans Outils ▸ Pas des doublons…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Groupe %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>Cliquez sur Conserver/Corbeille ou tapez le numéro du fichier&#xa0;; A accepte et passe au groupe suivant.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>Affichage des %1 premiers fichiers sur %2&#xa0;; utilisez Côte à côte pour comparer les autres.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>à conserver (suggestion)</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>Impossible d&apos;afficher cette image&#xa0;:
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
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>Déplacer vers un dossier</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mettre %1 à la corbeille</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>Mettre %1 à la corbeille&#xa0;?</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>Déplacer %1 vers %2&#xa0;?</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>Aucun groupe contenant des fichiers marqués pour la corbeille n&apos;a encore été ouvert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln groupe</numerusform>
            <numerusform>%Ln groupes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>%Ln autre fichier marqué dans les groupes que vous n&apos;avez pas ouverts (%1) reste en place, sauf si vous l&apos;incluez.</numerusform>
            <numerusform>%Ln autres fichiers marqués dans les groupes que vous n&apos;avez pas ouverts (%1) restent en place, sauf si vous les incluez.</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>Les inclure&#xa0;: déplacer %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>%Ln fichier marqué dans des groupes masqués par le filtre n&apos;est pas touché.</numerusform>
            <numerusform>%Ln fichiers marqués dans des groupes masqués par le filtre ne sont pas touchés.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>Vous pourrez les restaurer depuis la corbeille du système.</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>Vous pourrez les remettre en place avec Outils ▸ Annuler un déplacement.</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>Dans des groupes que vous n&apos;avez pas ouverts&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>Attention&#xa0;: un dossier protégé conserve une copie de moindre qualité alors que %Ln meilleur fichier partirait (une résolution réelle plus élevée, l&apos;original de l&apos;appareil photo ou l&apos;image non retouchée). Vérifiez d&apos;abord ces groupes.</numerusform>
            <numerusform>Attention&#xa0;: un dossier protégé conserve une copie de moindre qualité alors que %Ln meilleurs fichiers partiraient (une résolution réelle plus élevée, l&apos;original de l&apos;appareil photo ou l&apos;image non retouchée). Vérifiez d&apos;abord ces groupes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln fichier</numerusform>
            <numerusform>%Ln fichiers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>Groupes et paires que vous avez marqués comme n&apos;étant pas des doublons. Ils restent séparés à chaque analyse, même si les fichiers sont renommés ou déplacés. Restaurez-en un pour le voir de nouveau regroupé.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>Restaurer la sélection</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>paire</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>Rien n&apos;a été marqué comme n&apos;étant pas des doublons.</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>Problèmes rencontrés pendant l&apos;analyse</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>Ces fichiers ou dossiers n&apos;ont pas pu être utilisés. Ils ont été laissés tels quels&#xa0;; rien n&apos;a été modifié sur le disque.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copier la liste</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File menu</source>
        <translation>Menu du fichier</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Aucune application n&apos;a pu ouvrir %1</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>Ouvrir dans la visionneuse par défaut</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>Afficher dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Dans un dossier protégé&#xa0;: toujours conservé</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Conserver ce fichier</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>Marquer pour la corbeille</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>Ne conserver que ce fichier</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>Menu du groupe</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>Ouvrir le fichier conservé</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>Afficher le fichier conservé dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>Copier les chemins du groupe</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <source>Photos</source>
        <extracomment>Thumbnails per row in the list, their logical size, and the decode size (2× for HiDPI).</extracomment>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Ressemblance</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>Espace libéré</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Fichier conservé</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>Vert&#xa0;: conservé. Rouge&#xa0;: ira à la corbeille. Bleu&#xa0;: dossier protégé.</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>Nombre de fichiers dans le groupe</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>La plus faible ressemblance du groupe&#xa0;: la similarité la plus basse d&apos;un fichier avec la référence du groupe, le chiffre auquel s&apos;applique le seuil</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>Ce qui distingue les fichiers&#xa0;: copie exacte, quasi-doublon, copie retouchée, prise de vue similaire ou ressemblance</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>Espace libéré en mettant à la corbeille les fichiers marqués pour suppression</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>Le fichier qu&apos;il est suggéré de conserver</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln fichier marqué pour la corbeille (%1)</numerusform>
            <numerusform>%Ln fichiers marqués pour la corbeille (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. Groupes de doublons</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>Filtrer par nom de fichier ou de dossier</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>Afficher les groupes de ce type</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Groupes de doublons</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln groupe (affichés&#xa0;: %1)</numerusform>
            <numerusform>%Ln groupes (affichés&#xa0;: %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln groupe</numerusform>
            <numerusform>%Ln groupes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Keep only this</source>
        <translation>Ne garder que celui-ci</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>Conserver ce fichier et marquer tous les autres fichiers du groupe pour la corbeille</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ CONSERVER</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ CORBEILLE</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ PROTÉGÉ</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>Marquer ce fichier pour la corbeille (ou tapez son numéro)</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>Conserver finalement ce fichier (ou tapez son numéro)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>Dans un dossier protégé&#xa0;: toujours conservé.</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>le fichier qu&apos;il est suggéré de conserver</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>identique au fichier conservé (octet pour octet)</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>la référence du groupe&#xa0;: les autres lui ont été comparés</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>%1 de ressemblance avec le fichier conservé · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>%1 de ressemblance avec la référence du groupe · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Ressemblance</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>le plus grand</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Prise de vue</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>pas de date dans le fichier</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>le plus ancien</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The languages shipped, by Qt locale name, each in its own language: a person looks for their language by its own name, whatever the window speaks now. The settings key of the person&apos;s choice (&quot;&quot;: the system&apos;s language).</extracomment>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de Dupe Viewer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>Le regroupement a échoué</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. Dossiers à analyser</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Analyser</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>L&apos;analyse a échoué</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>Impossible d’ouvrir le rapport</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>Analyse en cours… les groupes apparaîtront ici au fur et à mesure.</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>Il ne reste aucun groupe de doublons&#xa0;: tous ont été traités.

Relancez l&apos;analyse pour vérifier à nouveau, ou ajoutez d&apos;autres dossiers.</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>Aucun doublon trouvé parmi %1.

Déplacez le curseur «&#xa0;Ressemblance&#xa0;» vers la gauche pour chercher des correspondances plus lâches, ou ajoutez d&apos;autres dossiers.</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>L&apos;analyse a été annulée avant qu&apos;un doublon soit trouvé.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Analyser à nouveau</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>Déjà dans la liste.</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Ajouter un dossier à analyser</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>Les dossiers ont changé&#xa0;: cliquez sur Analyser à nouveau pour mettre les groupes à jour.</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>Ajoutez d&apos;abord un dossier (déposez-le sur la fenêtre).</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>Attendez la fin de l’analyse ou annulez-la.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1 : %Ln groupe sur %2 lus, de %3.</numerusform>
            <numerusform>%1 : %Ln groupes sur %2 lus, de %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>La limite de groupes a arrêté la lecture avant la fin du rapport.</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>Analyse de %1 en %2 (%3 depuis le cache)&#xa0;: %Ln groupe.</numerusform>
            <numerusform>Analyse de %1 en %2 (%3 depuis le cache)&#xa0;: %Ln groupes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>Analyse arrêtée. Les résultats de la dernière analyse complète restent affichés.</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>Tout marquer sauf le fichier conservé</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>Conserver tous les fichiers</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>Inverser les marques</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>Revenir à la suggestion</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>Conserver/mettre à la corbeille le fichier 1 à 9 du groupe</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>Molette / glisser</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>Zoomer / déplacer toutes les images ensemble</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>Ce fichier est dans un dossier protégé&#xa0;; il est toujours conservé.</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>Au moins un fichier de chaque groupe est conservé. Conservez d&apos;abord un autre fichier.</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>Modèle de similarité par IA</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>La similarité par IA trouve aussi les recadrages, les copies inclinées et les copies fortement retouchées. Elle a besoin d&apos;un petit modèle (SqueezeNet 1.1, 2,4 Mo), téléchargé une seule fois et vérifié avec sa somme de contrôle connue. Sans réseau, téléchargez-le ailleurs et choisissez le fichier ici.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>Télécharger le modèle par défaut</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>Choisir un fichier de modèle…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Choisir un fichier de modèle</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>Modèle ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>Installation de %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2</source>
        <translation>%1 sur %2 téléchargés</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>%1 téléchargés</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>«&#xa0;%1&#xa0;» est installé. Relancez l&apos;analyse pour trouver aussi les recadrages et les copies retouchées.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>Fichiers non déplacés, avec la raison</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>ignoré&#xa0;: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>Fichiers du groupe</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>encore environ %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>Rapport enregistré %1 (%2)</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>Ouvrir un rapport enregistré</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>Rapports d’analyse (*.json *.jsonl *.parquet);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>Lecture du rapport</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>Fichiers identiques</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>Copies (redimensionnées, réencodées, pivotées)</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>Copies retouchées</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>Prises de vue similaires</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>Se ressemblent</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>Ouvrir un rapport : quels groupes ?</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>Groupes ayant un fichier dans :</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Types :</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>Plus gros fichier d’au moins (Mo) :</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>Plus gros fichier d’au plus (Mo) :</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>all</source>
        <translation>toutes</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>Au plus ce nombre de groupes :</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>Groupes ayant un fichier dans ce dossier</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>Règles appliquées à tous les groupes.</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>Impossible de mémoriser cette décision</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>Marqués comme n&apos;étant pas des doublons. Annulable dans Outils ▸ Liste des non-doublons…</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>Impossible de lire la liste</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>Restauration impossible</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>Déplacer les fichiers marqués vers ce dossier</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>Aucun fichier n&apos;est marqué pour la corbeille.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>%Ln fichier (%1) mis à la corbeille.</numerusform>
            <numerusform>%Ln fichiers (%1) mis à la corbeille.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>%Ln fichier (%1) déplacé vers le dossier.</numerusform>
            <numerusform>%Ln fichiers (%1) déplacés vers le dossier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>%Ln fichier remis en place. Relancez l&apos;analyse pour le revoir dans les groupes.</numerusform>
            <numerusform>%Ln fichiers remis en place. Relancez l&apos;analyse pour les revoir dans les groupes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln fichier n&apos;a pas pu être déplacé&#xa0;; il figure ci-dessous avec la raison.</numerusform>
            <numerusform>%Ln fichiers n&apos;ont pas pu être déplacés&#xa0;; chacun figure ci-dessous avec la raison.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Terminé, avec des problèmes</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>L&apos;annulation a échoué</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>Impossible de lire le journal</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>Annuler un déplacement</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>Exporter les groupes</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>Rapport JSON (*.json);;Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>L&apos;exportation a échoué</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>Sous-dossiers</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protégé</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>Analyser aussi les dossiers contenus dans ce dossier.</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>Les fichiers d&apos;un dossier protégé ne sont jamais proposés pour suppression.</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>Dossiers à analyser</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>Choisir un dossier à analyser (vous pouvez aussi déposer des dossiers sur la fenêtre)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>Ne plus analyser les dossiers sélectionnés (aucun fichier n&apos;est touché)</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>Résolution la plus élevée</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Fichier le plus gros</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>Fichier le plus petit</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>Date la plus ancienne (prise de vue, sinon modification)</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>Date la plus récente (prise de vue, sinon modification)</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>Dans un dossier préféré</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>Format préféré</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>Nom de fichier le plus court</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Choose which file to keep</source>
        <translation>Choisir le fichier à conserver</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>Dans chaque groupe, ces règles choisissent le fichier à conserver&#xa0;; les autres sont marqués pour la corbeille. La première règle décide&#xa0;; les suivantes ne servent qu&apos;à départager. Les fichiers des dossiers protégés sont toujours conservés. Vos propres marques sont remplacées.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter la règle</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>Appliquer à tous les groupes</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Dossier préféré</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>Formats préférés</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>Formats par ordre de préférence, séparés par des virgules&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>Fichiers ignorés car non pris en charge</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>(analyse)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>%Ln fichier ignoré car non pris en charge&#xa0;: %1</numerusform>
            <numerusform>%Ln fichiers ignorés car non pris en charge&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(sans extension)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>%Ln problème trouvé…</numerusform>
            <numerusform>%Ln problèmes trouvés…</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan cancelled. What was read is cached: the next scan continues from there.</source>
        <translation>Analyse annulée. Ce qui a été lu est en cache&#xa0;: la prochaine analyse reprendra à partir de là.</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>(liste des non-doublons)</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>Lecture impossible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SimilarityPanel</name>
    <message>
        <source>2. How alike must files be?</source>
        <translation>2. Quelle ressemblance exiger&#xa0;?</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>Plus bas&#xa0;: plus de groupes, y compris les copies retouchées. Plus haut&#xa0;: seulement les copies très proches.</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>La similarité par IA regroupe aussi différentes prises de vue d&apos;une même scène.</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>Installer le modèle…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>Télécharger le modèle de similarité par IA (2,4 Mo) ou choisir un fichier de modèle</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>plus large</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>plus strict</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>Similarité d&apos;image requise</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>Similarité par IA requise</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>Un rapport enregistré ne contient que les groupes trouvés : le curseur peut les rendre plus stricts, pas en trouver d’autres. Relancez l’analyse des dossiers pour chercher des correspondances plus larges.</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>Le modèle de similarité par IA est installé&#xa0;: relancez l&apos;analyse pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>La similarité par IA (qui trouve les recadrages et les copies inclinées) est désactivée&#xa0;: aucun modèle n&apos;est installé.</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>La similarité par IA est désactivée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>Similarité d&apos;image requise&#xa0;: &lt;b&gt;%1&#xa0;%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>IA&#xa0;: %1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>Annuler un déplacement</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>Les fichiers déplacés vers un dossier par cette application peuvent être remis à leur place d&apos;origine. Un fichier dont l&apos;emplacement d&apos;origine est de nouveau occupé reste où il est.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln fichier déplacé vers %2</numerusform>
            <numerusform>%1 · %Ln fichiers déplacés vers %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>Aucun déplacement ne peut être annulé.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Remettre en place</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Drop folders here to find duplicate photos</source>
        <translation>Déposez des dossiers ici pour trouver les photos en double</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>Dupe Viewer trouve les copies exactes et les quasi-doublons (redimensionnés, réenregistrés, retouchés) et les montre côte à côte. Vous choisissez ce que vous gardez&#xa0;; rien n&apos;est supprimé&#xa0;: les copies indésirables vont à la corbeille, après votre confirmation.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>Analyser les dossiers de la liste</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>Choisir un dossier à analyser</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>A&amp;nalyser</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>Analyser les dossiers de la liste (rapide la fois suivante&#xa0;: les résultats sont en cache)</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>A&amp;nnuler l&apos;analyse</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>Arrêter l&apos;analyse&#xa0;; ce qui a déjà été lu est conservé pour la prochaine fois</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>&amp;Exporter les groupes…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>Enregistrer les groupes dans un rapport JSON ou CSV</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>&amp;Ouvrir un rapport…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>Examiner les groupes d’un rapport d’analyse enregistré (JSON, lignes JSON ou Parquet)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Groupe suivant</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Groupe précédent</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>Accepter la suggestion et passer au groupe suivant</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>Conserver le fichier suggéré, mettre les autres copies à la corbeille et afficher le groupe suivant</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>Conserver tous les fichiers de ce groupe</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>Marquer tous les fichiers de ce groupe sauf un</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>Tout marquer pour la corbeille sauf le fichier qu&apos;il est suggéré de conserver</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>Inverser les marques de ce groupe</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>Tout marquer dans chaque groupe affiché</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>Dans chaque groupe affiché, tout marquer pour la corbeille sauf le fichier conservé</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>Tout démarquer dans chaque groupe affiché</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>Inverser les marques de chaque groupe affiché</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>Remettre toutes les marques aux suggestions</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>&amp;Règles de sélection automatique…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>Choisir par des règles le fichier à conserver dans chaque groupe</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Pas des doublons</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>Ces fichiers ne sont pas des doublons&#xa0;: ne plus jamais les regrouper</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>Mettre les fichiers marqués à la corbeille…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>Déplacer les fichiers marqués vers un dossier…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>Déplacer les fichiers marqués vers un dossier plutôt qu&apos;à la corbeille</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>Annuler un déplacement vers un dossier…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>Liste des non-doublons…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>Problèmes rencontrés…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>Installer le modèle de similarité par IA…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>Télécharger le modèle par défaut ou choisir un fichier de modèle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>Ajuster chaque image à son volet (F)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100&#xa0;%</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>Pixels réels de la plus grande image&#xa0;; les autres montrent la même zone (Z)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>Afficher uniquement la comparaison, en plein écran (F11, Échap pour quitter)</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>Côte à côte / tous les fichiers</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>Comparer avec le fichier suivant</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>Comparer avec le fichier précédent</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>Quitter le plein écran / annuler l&apos;analyse</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>Conserver/mettre à la corbeille le fichier %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Révision</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>Le fichier a disparu avant d&apos;avoir pu être lu</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>Disparu pendant l&apos;analyse (supprimé ou déplacé)</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>Un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>N&apos;existe pas</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>Lien symbolique cassé</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>Boucle de liens symboliques</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>Pas un fichier image (extension inconnue)</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>Ignoré&#xa0;: %1, pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>Pas un fichier ordinaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Impossible de lire le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>Fichier vide (0 octet)</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>Pas une image (le fichier contient du texte)</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>Format d&apos;image non reconnu (fichier corrompu ou non pris en charge)</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>L&apos;image n&apos;a aucun pixel</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>Refusée comme possible bombe de décompression&#xa0;: %1 × %2 = %3 mégapixels (limite %4)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>Refusée comme possible bombe de décompression&#xa0;: elle annonce %1 mégapixels (limite %2)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>Refusée comme possible bombe de décompression&#xa0;: elle annonce trop de pixels (limite %1)</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>Trop grande pour être décodée sans risque&#xa0;: %1 prendrait %2 Go de mémoire (limite %3 Go)</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>Trop grand pour être décodé sans risque&#xa0;: un fichier RAW de %1 Mo (limite %2 Mo)</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>Trop grand pour être décodé sans risque (LibRaw a refusé sa taille annoncée)</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>Mémoire insuffisante pour décoder cette image</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>Refusée&#xa0;: ses métadonnées (texte ou profil de couleur) dépassent la limite une fois décompressées</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>Fichier image tronqué (la fin du fichier manque)</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>Données d&apos;image corrompues (%1)</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>Données RAW corrompues (le fichier est endommagé ou tronqué)</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>Pas un fichier RAW que LibRaw sait lire (corrompu, ou appareil photo non pris en charge)</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>Les fichiers RAW ne peuvent pas être lus ici (rawpy&#xa0;: %1)</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>Le fichier a changé depuis l&apos;analyse (taille ou date de modification différente)</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>Le fichier a changé depuis l&apos;analyse (un autre fichier porte maintenant son nom)</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>Le fichier a changé depuis l&apos;analyse (réécrit sur place&#xa0;: sa date de changement d&apos;état diffère)</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>Le contenu du fichier a changé depuis l&apos;analyse</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>Le fichier n&apos;existe plus</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>Le chemin est désormais un lien symbolique, pas le fichier lui-même</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>Le chemin n&apos;est plus un fichier ordinaire</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>Impossible de vérifier le fichier&#xa0;: %1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>Cela supprimerait toutes les copies de son groupe</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>Aucun fichier conservé de son groupe n&apos;est encore intact sur le disque (%1&#xa0;: %2)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Dans un dossier protégé&#xa0;: toujours conservé</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>C&apos;est le fichier même sur lequel on agit, sous un autre nom (un lien physique)</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>Son chemin mène à un fichier sur lequel on agit (par un lien symbolique)</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>Annulé avant ce fichier</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 n&apos;est pas un rapport dupe-viewer (ce n&apos;est pas du texte UTF-8)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 n&apos;est pas un rapport dupe-viewer (JSON non valide : %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 n&apos;est pas un rapport dupe-viewer (%2)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 n&apos;est pas un rapport dupe-viewer (ni version ni dossiers)</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 est un rapport de version %2 ; cette version lit la version %3</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1 : le groupe %2 ne peut pas être lu (%3)</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1 : la ligne %2 n&apos;est pas du JSON valide (%3)</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>Impossible de lire %1 : un tableau CSV n&apos;est pas un rapport que l&apos;on peut ouvrir</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 est vide : ce n&apos;est pas un rapport JSON Lines</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 n&apos;est pas un rapport Parquet de dupe-viewer</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Les rapports Parquet nécessitent pyarrow : pip install &apos;dupe-viewer[cluster]&apos; (ou pyarrow)</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>désactivée (--no-deep)</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>aucun modèle n&apos;est installé</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>le modèle «&#xa0;%1&#xa0;» n&apos;est pas installé</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un périphérique caractère</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un périphérique bloc</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>copie exacte</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>quasi-doublon</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>copie retouchée</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>prise de vue similaire</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>ressemblance</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>référence</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>Fichiers identiques octet pour octet.</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>La même image enregistrée autrement&#xa0;: redimensionnée, recompressée ou dans un autre format.</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>La même image retouchée&#xa0;: recadrée, pivotée, couleurs modifiées ou annotée.</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>Une autre prise de vue de la même scène&#xa0;: une image d&apos;une rafale prise un instant plus tard, ou un autre cadrage de l&apos;image (une moitié). Ce n&apos;est pas une copie&#xa0;: jamais présélectionnée.</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>Se ressemble selon le modèle de similarité par IA, mais ce n&apos;est pas vérifié comme la même image (une autre photo d&apos;un sujet similaire). Jamais présélectionné.</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>Recherche des fichiers</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>Vérification du cache</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>Comparaison du contenu des fichiers</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Lecture des images</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>Calcul des empreintes</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>Calcul de la similarité par IA</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Mise en correspondance</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Regroupement</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 × %2 px (%3 MP)</source>
        <translation>%1 × %2 px (%3 Mpx)</translation>
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
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Kept: in a protected folder</source>
        <translation>Conservé&#xa0;: dans un dossier protégé</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>Conservé&#xa0;: le meilleur original du groupe</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>Conservé&#xa0;: l&apos;image non retouchée (les autres sont des retouches)</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>Conservé&#xa0;: la plus haute résolution réelle ({pixels})</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>Conservé&#xa0;: l&apos;original de l&apos;appareil photo ({camera})</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>Conservé&#xa0;: la version la plus proche de toutes les autres (ce sont ses variantes)</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>Conservé&#xa0;: le meilleur encodage ({encoding})</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>Conservé&#xa0;: pris en premier ({taken})</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>Conservé&#xa0;: parmi des copies identiques octet pour octet, le fichier le plus ancien (puis le chemin le plus court)</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>Conservé&#xa0;: premier selon votre règle «&#xa0;{rule}&#xa0;»</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Dans un dossier protégé&#xa0;: toujours conservé</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>Copie identique octet pour octet du fichier conservé</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>Copie en niveaux de gris</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>Copie avec bordure ou bandes noires</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>Agrandie ×{factor} (pas plus de détails que le fichier conservé)</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>Plus petite&#xa0;: {percent}&#xa0;% de la résolution du fichier conservé</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>Pas de métadonnées d&apos;appareil photo</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>Une variante&#xa0;: plus éloignée des autres que le fichier conservé</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>Réencodée en qualité inférieure ({encoding} contre {keeper_encoding})</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>Prise plus tard</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>Même image, fichier plus récent</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>Moins bien classée selon votre règle «&#xa0;{rule}&#xa0;»</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>Se ressemble, sans être vérifiée comme la même image&#xa0;: à vous de décider</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>Une prise de vue similaire (autre instant ou autre cadrage), pas une copie&#xa0;: à vous de décider</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>Conservé&#xa0;: la plus nette et la mieux exposée de ces prises de vue</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>Moins nette que l&apos;image conservée</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>Plus de pixels brûlés ou bouchés que l&apos;image conservée</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>Conservé&#xa0;: le RAW de l&apos;appareil photo ({format})</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>Même prise de vue, RAW + {format}&#xa0;: le fichier conservé est le RAW de l&apos;appareil photo</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>Retouchée sur une partie de l&apos;image (collage ou peinture&#xa0;; les autres concordent à cet endroit)</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>Le fichier conservé est dans un dossier protégé</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>Résolution réelle plus élevée que le fichier conservé, qui ne l&apos;est que pour son dossier protégé</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>L&apos;original de l&apos;appareil photo&#xa0;; le fichier conservé ne l&apos;est que pour son dossier protégé</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>L&apos;image non retouchée&#xa0;; le fichier conservé ne l&apos;est que pour son dossier protégé</translation>
    </message>
</context>
</TS>
