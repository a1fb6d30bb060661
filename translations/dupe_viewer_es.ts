<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>Aceptar sugerencia</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>Selección automática…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>No son duplicados</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>Mover a una carpeta…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>Pide confirmación antes. Los archivos se pueden restaurar desde la papelera del sistema.</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>Marcados para la papelera: %1 (%2), %3 en grupos aún no abiertos</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>Marcados para la papelera: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>Mover %1 de los grupos mostrados a la papelera</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mover %1 a la papelera</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>Mover a la papelera…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>Mover a la papelera</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Side by side</source>
        <extracomment>Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair). What the groups shown were made with (the window&apos;s sliders), and why each member of the group shown is kept or goes.</extracomment>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Todos los archivos</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>Comparar dos archivos del grupo; elíjalos abajo (G)</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>Mostrar todos los archivos del grupo en una cuadrícula (G)</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>Archivo mostrado a la izquierda</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>Archivo mostrado a la derecha</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>frente a</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>Estos dos no son duplicados</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>No volver a agrupar nunca estos dos archivos (se recuerdan por su contenido; se deshace en Herramientas ▸ No son duplicados…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Grupo %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>Pulse Conservar/Papelera o la tecla del número del archivo; A acepta y muestra el grupo siguiente.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>Se muestran los primeros %1 de %2 archivos; use Lado a lado para comparar los demás.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>sugerido para conservar</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>No se puede mostrar esta imagen:
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
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>Mover a una carpeta</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mover %1 a la papelera</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>¿Mover %1 a la papelera?</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>¿Mover %1 a %2?</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>Todavía no se ha abierto ningún grupo con archivos marcados para la papelera.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln grupo</numerusform>
            <numerusform>%Ln grupos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more file(s) marked in %1 you have not opened stay unless you include them.</source>
        <translation>
            <numerusform>%Ln archivo marcado más en %1 que no ha abierto se queda, salvo que lo incluya.</numerusform>
            <numerusform>%Ln archivos marcados más en %1 que no ha abierto se quedan, salvo que los incluya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>Incluirlos: mover %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>%Ln archivo marcado en grupos ocultos por el filtro no se toca.</numerusform>
            <numerusform>%Ln archivos marcados en grupos ocultos por el filtro no se tocan.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>Puede restaurarlos desde la papelera del sistema.</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>Puede devolverlos a su sitio con Herramientas ▸ Deshacer un movimiento.</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>En grupos que no ha abierto:</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>Cuidado: una carpeta protegida conserva una copia peor mientras que %Ln archivo mejor se iría (una resolución real mayor, el original de la cámara o la imagen sin editar). Revise antes esos grupos.</numerusform>
            <numerusform>Cuidado: una carpeta protegida conserva una copia peor mientras que %Ln archivos mejores se irían (una resolución real mayor, el original de la cámara o la imagen sin editar). Revise antes esos grupos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln archivo</numerusform>
            <numerusform>%Ln archivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>No son duplicados</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>Grupos y parejas que marcó como no duplicados. Siguen separados en cada análisis, aunque cambie el nombre de los archivos o los mueva. Restaure uno para volver a verlo agrupado.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>Restaurar selección</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>pareja</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>No se ha marcado nada como no duplicado.</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>Problemas encontrados durante el análisis</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>Estos archivos o carpetas no se pudieron usar. No se han tocado; no se cambió nada en el disco.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copiar lista</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>File menu</source>
        <translation>Menú del archivo</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Ninguna aplicación pudo abrir %1</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>Abrir en el visor predeterminado</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>Mostrar en el gestor de archivos</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>En una carpeta protegida: siempre se conserva</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Conservar este archivo</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>Marcar para la papelera</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>Conservar solo este archivo</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>Menú del grupo</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>Abrir el archivo conservado</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>Mostrar el archivo conservado en el gestor de archivos</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>Copiar las rutas del grupo</translation>
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
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>Espacio liberado</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Archivo conservado</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>Verde: se conserva. Rojo: irá a la papelera. Azul: carpeta protegida.</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>Número de archivos del grupo</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>La coincidencia más débil del grupo: la menor similitud de un archivo con la referencia del grupo, la cifra a la que se aplica el umbral</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>En qué se diferencian los archivos: copia exacta, casi duplicado, copia editada, toma similar o se parecen</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>Espacio que se libera al enviar a la papelera los archivos marcados para eliminar</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>El archivo que se sugiere conservar</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>idéntico</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln archivo marcado para la papelera (%1)</numerusform>
            <numerusform>%Ln archivos marcados para la papelera (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. Grupos de duplicados</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>Filtrar por nombre de archivo o carpeta</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>Mostrar grupos de este tipo</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Grupos de duplicados</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln grupo (mostrados: %1)</numerusform>
            <numerusform>%Ln grupos (mostrados: %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln grupo</numerusform>
            <numerusform>%Ln grupos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Keep only this</source>
        <translation>Conservar solo este</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>Conservar este archivo y marcar todos los demás del grupo para la papelera</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ CONSERVAR</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ A LA PAPELERA</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ PROTEGIDO</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>Marcar este archivo para la papelera (o pulse su número)</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>Conservar este archivo después de todo (o pulse su número)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>En una carpeta protegida: siempre se conserva.</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>el archivo sugerido para conservar</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>idéntico al archivo conservado (byte a byte)</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>la referencia del grupo: los demás se compararon con ella</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>%1 de similitud con el archivo conservado · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>%1 de similitud con la referencia del grupo · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Píxeles</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>el mayor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tomada</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>sin fecha en el archivo</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>el más antiguo</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>The languages shipped, by Qt locale name, each in its own language: a person looks for their language by its own name, whatever the window speaks now. The settings key of the person&apos;s choice (&quot;&quot;: the system&apos;s language).</extracomment>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Dupe Viewer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>No se pudo reagrupar</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. Carpetas que analizar</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>El análisis ha fallado</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>No se puede abrir el informe</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>Analizando… los grupos aparecerán aquí a medida que se encuentren.</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>No quedan grupos de duplicados: ya se han tratado todos.

Vuelva a analizar para comprobarlo de nuevo, o añada más carpetas.</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>No se encontraron duplicados entre %1.

Mueva a la izquierda el control «Cuánto se parecen» para buscar coincidencias menos estrictas, o añada más carpetas.</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>El análisis se canceló antes de encontrar ningún duplicado.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Volver a analizar</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>Ya está en la lista.</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Añadir una carpeta que analizar</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>Las carpetas han cambiado: pulse Volver a analizar para actualizar los grupos.</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>Añada primero una carpeta (arrástrela a la ventana).</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>Espere a que termine el análisis o cancélelo.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1: %Ln grupo de %2 leídos, de %3.</numerusform>
            <numerusform>%1: %Ln grupos de %2 leídos, de %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>El límite de grupos detuvo la lectura antes del final del informe.</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>Análisis de %1 en %2 (%3 desde la caché): %Ln grupo.</numerusform>
            <numerusform>Análisis de %1 en %2 (%3 desde la caché): %Ln grupos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>Análisis detenido. Se siguen mostrando los resultados del último análisis completo.</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>Marcar todos menos el conservado</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>Conservar todos los archivos</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>Invertir las marcas</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>Volver a la sugerencia</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>Conservar/enviar a la papelera el archivo 1 a 9 del grupo</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>Rueda del ratón / arrastrar</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>Ampliar / desplazar todas las imágenes a la vez</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>Este archivo está en una carpeta protegida; siempre se conserva.</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>De cada grupo se conserva al menos un archivo. Conserve primero otro archivo.</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>Modelo de similitud por IA</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>La similitud por IA también encuentra recortes, copias inclinadas y copias muy editadas. Necesita un modelo pequeño (SqueezeNet 1.1, 2,4 MB) que se descarga una vez y se comprueba con su suma de verificación conocida. Sin red, descárguelo en otro equipo y elija el archivo aquí.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>Descargar el modelo predeterminado</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>Elegir un archivo de modelo…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Elegir un archivo de modelo</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>Modelo ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>Instalando %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2</source>
        <translation>Descargados %1 de %2</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>Descargados %1</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>«%1» instalado. Vuelva a analizar para encontrar también recortes y copias editadas.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>Archivos no movidos, con el motivo</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>omitido: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>error: %1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>Archivos del grupo</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>quedan unos %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>Informe guardado %1 (%2)</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>Abrir un informe guardado</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>Informes de análisis (*.json *.jsonl *.parquet);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>Leyendo el informe</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>Archivos idénticos</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>Copias (redimensionadas, recodificadas, giradas)</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>Copias editadas</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>Tomas similares</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>Se parecen</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>Abrir informe: ¿qué grupos?</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>Todas las carpetas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>Grupos con un archivo en:</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Tipos:</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>Archivo más grande de al menos (MB):</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>Archivo más grande de como máximo (MB):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>Como máximo estos grupos:</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>Grupos con un archivo en esta carpeta</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>Reglas aplicadas a todos los grupos.</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>No se pudo recordar esta decisión</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>Marcados como no duplicados. Se deshace en Herramientas ▸ Lista de no duplicados…</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>No se pudo leer la lista</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>No se pudo restaurar</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>Mover los archivos marcados a esta carpeta</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>No hay ningún archivo marcado para la papelera.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>Se movió %Ln archivo (%1) a la papelera.</numerusform>
            <numerusform>Se movieron %Ln archivos (%1) a la papelera.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>Se movió %Ln archivo (%1) a la carpeta.</numerusform>
            <numerusform>Se movieron %Ln archivos (%1) a la carpeta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>Se devolvió %Ln archivo a su sitio. Vuelva a analizar para verlo de nuevo en los grupos.</numerusform>
            <numerusform>Se devolvieron %Ln archivos a su sitio. Vuelva a analizar para verlos de nuevo en los grupos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln archivo no se pudo mover; aparece abajo con el motivo.</numerusform>
            <numerusform>%Ln archivos no se pudieron mover; cada uno aparece abajo con el motivo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Terminado, con problemas</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>No se pudo deshacer</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>No se pudo leer el registro</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>Deshacer un movimiento</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>Exportar grupos</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>Informe JSON (*.json);;Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>Subcarpetas</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protegida</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>Analizar también las carpetas que contiene.</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>Los archivos de una carpeta protegida nunca se proponen para eliminar.</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>Carpetas que analizar</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>Elegir una carpeta que analizar (también puede arrastrar carpetas a la ventana)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>Dejar de analizar las carpetas seleccionadas (no se toca ningún archivo)</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>Mayor resolución</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Archivo más grande</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>Archivo más pequeño</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>Fecha más antigua (toma, si no modificación)</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>Fecha más reciente (toma, si no modificación)</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>En una carpeta preferida</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>Formato preferido</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>Nombre de archivo más corto</translation>
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
        <translation>Elegir qué archivo conservar</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>En cada grupo, estas reglas eligen el archivo que se conserva; los demás se marcan para la papelera. Decide la primera regla; las siguientes solo deshacen empates. Los archivos de carpetas protegidas siempre se conservan. Sus propias marcas se sustituyen.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Añadir regla</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Predeterminadas</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>Aplicar a todos los grupos</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Carpeta preferida</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>Formatos preferidos</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>Formatos por orden de preferencia, separados por comas:</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>Archivos omitidos por no ser compatibles</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>(análisis)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>%Ln archivo omitido por no ser compatible: %1</numerusform>
            <numerusform>%Ln archivos omitidos por no ser compatibles: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(sin extensión)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found…</source>
        <translation>
            <numerusform>%Ln problema encontrado…</numerusform>
            <numerusform>%Ln problemas encontrados…</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan cancelled. What was read is cached: the next scan continues from there.</source>
        <translation>Análisis cancelado. Lo leído queda en caché: el próximo análisis continúa desde ahí.</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>(lista de no duplicados)</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>No se pudo leer: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>SimilarityPanel</name>
    <message>
        <source>2. How alike must files be?</source>
        <translation>2. ¿Cuánto deben parecerse los archivos?</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>Más bajo: más grupos, incluidas las copias editadas. Más alto: solo copias muy parecidas.</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>La similitud por IA también agrupa distintas tomas de la misma escena.</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>Instalar el modelo…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>Descargar el modelo de similitud por IA (2,4 MB) o elegir un archivo de modelo</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>más flexible</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>más estricto</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>Similitud de imagen necesaria</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>Similitud por IA necesaria</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>Un informe guardado solo contiene los grupos que encontró: el control puede hacerlos más estrictos, no encontrar más. Vuelva a analizar las carpetas para buscar coincidencias más amplias.</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>El modelo de similitud por IA está instalado: vuelva a analizar para usarlo.</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>La similitud por IA (encuentra recortes y copias inclinadas) está desactivada: no hay ningún modelo instalado.</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>La similitud por IA está desactivada: %1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>Similitud de imagen necesaria: &lt;b&gt;%1 %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>IA: %1 %</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>Deshacer un movimiento</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>Los archivos que esta aplicación movió a una carpeta pueden volver a donde estaban. Un archivo cuyo lugar original vuelve a estar ocupado se queda donde está.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln archivo movido a %2</numerusform>
            <numerusform>%1 · %Ln archivos movidos a %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>No hay ningún movimiento que deshacer.</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>Devolver</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Drop folders here to find duplicate photos</source>
        <translation>Arrastre carpetas aquí para encontrar fotos duplicadas</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>Dupe Viewer encuentra copias exactas y casi duplicados (redimensionados, guardados de nuevo, editados) y los muestra lado a lado. Usted elige qué conservar; no se elimina nada: las copias que no quiera van a la papelera, después de que confirme.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>Analizar las carpetas de la lista</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>&amp;Añadir carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>Elegir una carpeta que analizar</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>A&amp;nalizar</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>Analizar las carpetas de la lista (rápido la próxima vez: los resultados quedan en caché)</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>&amp;Cancelar análisis</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>Detener el análisis; lo leído hasta ahora se guarda para la próxima vez</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>&amp;Exportar grupos…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>Guardar los grupos como informe JSON o CSV</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>&amp;Abrir informe…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>Revisar los grupos de un informe de análisis guardado (JSON, líneas JSON o Parquet)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Grupo siguiente</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Grupo anterior</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>Aceptar la sugerencia e ir al grupo siguiente</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>Conservar el archivo sugerido, enviar las demás copias a la papelera y mostrar el grupo siguiente</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>Conservar todos los archivos de este grupo</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>Marcar todos los archivos de este grupo menos uno</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>Marcar todo para la papelera excepto el archivo sugerido para conservar</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>Invertir las marcas de este grupo</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>Marcar todo en cada grupo mostrado</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>En cada grupo mostrado, marcar todo para la papelera excepto el archivo conservado</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>Desmarcar todo en cada grupo mostrado</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>Invertir las marcas de cada grupo mostrado</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>Restablecer todas las marcas a las sugerencias</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>&amp;Reglas de selección automática…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>Elegir mediante reglas qué archivo conservar en cada grupo</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>No son duplicados</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>Estos archivos no son duplicados: no volver a agruparlos nunca</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>Mover los archivos marcados a la papelera…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>Mover los archivos marcados a una carpeta…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>Mover los archivos marcados a una carpeta en lugar de a la papelera</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>Deshacer un movimiento a una carpeta…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>Lista de no duplicados…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>Problemas encontrados…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>Instalar el modelo de similitud por IA…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>Descargar el modelo predeterminado o elegir un archivo de modelo</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>Ajustar cada imagen a su panel (F)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>Píxeles reales de la imagen más grande; las demás muestran la misma zona (Z)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>Mostrar solo la comparación, a pantalla completa (F11, Esc para salir)</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>Lado a lado / todos los archivos</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>Comparar con el archivo siguiente</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>Comparar con el archivo anterior</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>Salir de pantalla completa / cancelar el análisis</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>Conservar/enviar a la papelera el archivo %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>No se encuentra: %1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>El archivo desapareció antes de poder leerse</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>Desapareció durante el análisis (eliminado o movido)</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>Una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>No existe</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>Enlace simbólico roto</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>Bucle de enlaces simbólicos</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>No es un archivo de imagen (extensión desconocida)</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>Omitido: %1, no es un archivo normal</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>No es un archivo normal: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>Archivo vacío (0 bytes)</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>No es una imagen (el archivo contiene texto)</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>Formato de imagen no reconocido (archivo dañado o no compatible)</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>La imagen no tiene píxeles</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>Rechazada como posible bomba de descompresión: %1 × %2 = %3 megapíxeles (límite %4)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>Rechazada como posible bomba de descompresión: declara %1 megapíxeles (límite %2)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>Rechazada como posible bomba de descompresión: declara demasiados píxeles (límite %1)</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>Demasiado grande para decodificarla con seguridad: %1 ocuparía %2 GB de memoria (límite %3 GB)</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>Demasiado grande para decodificarlo con seguridad: un archivo RAW de %1 MB (límite %2 MB)</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>Demasiado grande para decodificarlo con seguridad (LibRaw rechazó su tamaño declarado)</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>No hay memoria suficiente para decodificar esta imagen</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>Rechazada: sus metadatos (texto o perfil de color) superan el límite al descomprimirse</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>Archivo de imagen truncado (falta el final del archivo)</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>Datos de imagen dañados (%1)</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>Datos RAW dañados (el archivo está deteriorado o truncado)</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>No es un archivo RAW que LibRaw pueda leer (dañado o de una cámara no compatible)</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>Aquí no se pueden leer archivos RAW de cámara (rawpy: %1)</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>El archivo ha cambiado desde el análisis (el tamaño o la fecha de modificación no coinciden)</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>El archivo ha cambiado desde el análisis (ahora otro archivo tiene su nombre)</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>El archivo ha cambiado desde el análisis (reescrito en el sitio: su fecha de cambio de estado no coincide)</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>El contenido del archivo ha cambiado desde el análisis</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>El archivo ya no existe</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>La ruta es ahora un enlace simbólico, no el propio archivo</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>La ruta ya no es un archivo normal</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>No se puede comprobar el archivo: %1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>Esto eliminaría todas las copias de su grupo</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>Ningún archivo conservado de su grupo sigue intacto en el disco (%1: %2)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>En una carpeta protegida: siempre se conserva</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>Es el mismo archivo sobre el que se actúa, con otro nombre (un enlace duro)</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>Su ruta lleva a un archivo sobre el que se actúa (a través de un enlace simbólico)</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>Cancelado antes de este archivo</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 no es un informe de dupe-viewer (no es texto UTF-8)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 no es un informe de dupe-viewer (JSON no válido: %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 no es un informe de dupe-viewer (%2)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 no es un informe de dupe-viewer (no tiene versión ni carpetas)</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 es un informe de la versión %2; esta versión lee la versión %3</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1: no se puede leer el grupo %2 (%3)</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1: la línea %2 no es JSON válido (%3)</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>No se puede leer %1: una tabla CSV no es un informe que se pueda abrir</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 está vacío: no es un informe JSON Lines</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 no es un informe Parquet de dupe-viewer</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Los informes Parquet necesitan pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (o pyarrow)</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>desactivada (--no-deep)</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>no hay ningún modelo instalado</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>el modelo «%1» no está instalado</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>una tubería con nombre (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un dispositivo de caracteres</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un dispositivo de bloques</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>copia exacta</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>casi duplicado</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>copia editada</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>toma similar</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>se parecen</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>Archivos idénticos byte a byte.</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>La misma imagen guardada de otra forma: redimensionada, recomprimida o en otro formato.</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>La misma imagen con cambios: recortada, girada, con colores cambiados o con anotaciones.</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>Otra toma de la misma escena: un fotograma de una ráfaga tomado un instante después, u otro encuadre de la imagen (una mitad). No es una copia: nunca se marca de antemano.</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>Se parecen según el modelo de similitud por IA, pero no está comprobado que sea la misma imagen (otra foto de un motivo parecido). Nunca se marca de antemano.</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>Buscando archivos</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>Comprobando la caché</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>Comparando el contenido de los archivos</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Leyendo imágenes</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>Calculando huellas</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>Calculando la similitud por IA</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>Comparando</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Agrupando</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
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
        <translation>Se conserva: en una carpeta protegida</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>Se conserva: el mejor original del grupo</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>Se conserva: la imagen sin editar (las demás son ediciones)</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>Se conserva: la mayor resolución real ({pixels})</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>Se conserva: el original de la cámara ({camera})</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>Se conserva: la versión más cercana a todas las demás (son sus variantes)</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>Se conserva: la mejor codificación ({encoding})</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>Se conserva: tomada primero ({taken})</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>Se conserva: entre copias idénticas byte a byte, el archivo más antiguo (luego la ruta más corta)</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>Se conserva: el primero según su regla «{rule}»</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>En una carpeta protegida: siempre se conserva</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>Copia idéntica byte a byte del archivo conservado</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>Copia en escala de grises</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>Copia con borde o franjas</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>Ampliada ×{factor} (sin más detalle que el archivo conservado)</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>Más pequeña: {percent} % de la resolución del archivo conservado</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>Sin metadatos de cámara</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>Una variante: más alejada de las demás que el archivo conservado</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>Recodificada con menor calidad ({encoding} frente a {keeper_encoding})</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>Tomada más tarde</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>La misma imagen, un archivo más reciente</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>Por debajo según su regla «{rule}»</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>Se parecen, sin comprobar que sea la misma imagen: usted decide</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>Una toma similar (otro momento u otro encuadre), no una copia: usted decide</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>Se conserva: la más nítida y mejor expuesta de estas tomas</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>Menos nítida que la toma conservada</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>Más píxeles quemados o empastados que la toma conservada</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>Se conserva: el RAW de la cámara ({format})</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>La misma toma, RAW + {format}: el archivo conservado es el RAW de la cámara</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>Editada en una parte de la imagen (pegado o pintado encima; las demás coinciden ahí)</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>El archivo conservado está en una carpeta protegida</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>Mayor resolución real que el archivo conservado, que se conserva solo por su carpeta protegida</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>El original de la cámara; el archivo conservado se conserva solo por su carpeta protegida</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>La imagen sin editar; el archivo conservado se conserva solo por su carpeta protegida</translation>
    </message>
</context>
</TS>
