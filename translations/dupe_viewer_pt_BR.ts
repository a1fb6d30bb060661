<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ActionBar</name>
    <message>
        <source>Accept suggestion</source>
        <translation>Aceitar sugestão</translation>
    </message>
    <message>
        <source>Auto-select…</source>
        <translation>Seleção automática…</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Não são duplicatas</translation>
    </message>
    <message>
        <source>Move to folder…</source>
        <translation>Mover para uma pasta…</translation>
    </message>
    <message>
        <source>Asks for confirmation first. Files can be restored from the system trash.</source>
        <translation>Pede confirmação antes. Os arquivos podem ser restaurados da lixeira do sistema.</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2), %3 in groups not opened yet</source>
        <translation>Marcados para a lixeira: %1 (%2), %3 em grupos ainda não abertos</translation>
    </message>
    <message>
        <source>Marked for the trash: %1 (%2)</source>
        <translation>Marcados para a lixeira: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move %1 of the shown groups to the trash</source>
        <translation>Mover %1 dos grupos exibidos para a lixeira</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mover %1 para a lixeira</translation>
    </message>
    <message>
        <source>Move to the trash…</source>
        <translation>Mover para a lixeira…</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>Mover para a lixeira</translation>
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
        <translation>Todos os arquivos</translation>
    </message>
    <message>
        <source>Compare two files of the group; choose which below (G)</source>
        <translation>Comparar dois arquivos do grupo; escolha quais abaixo (G)</translation>
    </message>
    <message>
        <source>Show every file of the group in a grid (G)</source>
        <translation>Mostrar todos os arquivos do grupo em uma grade (G)</translation>
    </message>
    <message>
        <source>File shown on the left</source>
        <translation>Arquivo exibido à esquerda</translation>
    </message>
    <message>
        <source>File shown on the right</source>
        <translation>Arquivo exibido à direita</translation>
    </message>
    <message>
        <source>vs</source>
        <translation>versus</translation>
    </message>
    <message>
        <source>These two are not duplicates</source>
        <translation>Estes dois não são duplicatas</translation>
    </message>
    <message>
        <source>Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)</source>
        <translation>Nunca mais agrupar estes dois arquivos (lembrados pelo conteúdo; desfaça em Ferramentas ▸ Não são duplicatas…)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Group %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;Grupo %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Click Keep/Trash or press the file&apos;s number; A accepts and shows the next group.</source>
        <translation>Clique em Manter/Lixeira ou pressione o número do arquivo; A aceita e mostra o próximo grupo.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 files; use Side by side to compare the others.</source>
        <translation>Mostrando os primeiros %1 de %2 arquivos; use Lado a lado para comparar os demais.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>suggested keeper</source>
        <translation>sugerido para manter</translation>
    </message>
    <message>
        <source>Cannot show this image:
%1</source>
        <translation>Não é possível exibir esta imagem:
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
        <translation>Mover para a lixeira</translation>
    </message>
    <message>
        <source>Move to a folder</source>
        <translation>Mover para uma pasta</translation>
    </message>
    <message>
        <source>Move %1 to the trash</source>
        <translation>Mover %1 para a lixeira</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>Move %1 to the trash?</source>
        <translation>Mover %1 para a lixeira?</translation>
    </message>
    <message>
        <source>Move %1 to %2?</source>
        <translation>Mover %1 para %2?</translation>
    </message>
    <message>
        <source>No group with files marked for the trash has been opened yet.</source>
        <translation>Nenhum grupo com arquivos marcados para a lixeira foi aberto ainda.</translation>
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
            <numerusform>Mais %Ln arquivo marcado em %1 que você não abriu fica, a menos que você o inclua.</numerusform>
            <numerusform>Mais %Ln arquivos marcados em %1 que você não abriu ficam, a menos que você os inclua.</numerusform>
        </translation>
    </message>
    <message>
        <source>Include them: move %1</source>
        <translation>Incluí-los: mover %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked in groups hidden by the filter are left alone.</source>
        <translation>
            <numerusform>%Ln arquivo marcado em grupos ocultos pelo filtro não é tocado.</numerusform>
            <numerusform>%Ln arquivos marcados em grupos ocultos pelo filtro não são tocados.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can restore them from the system trash.</source>
        <translation>Você pode restaurá-los da lixeira do sistema.</translation>
    </message>
    <message>
        <source>You can move them back with Tools ▸ Undo a move.</source>
        <translation>Você pode devolvê-los com Ferramentas ▸ Desfazer uma movimentação.</translation>
    </message>
    <message>
        <source>In groups you have not opened:</source>
        <translation>Em grupos que você não abriu:</translation>
    </message>
    <message numerus="yes">
        <source>Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, the camera original or the unedited picture) that would go. Check those groups first.</source>
        <translation>
            <numerusform>Cuidado: uma pasta protegida mantém uma cópia inferior enquanto %Ln arquivo melhor iria embora (uma resolução real maior, o original da câmera ou a imagem sem edição). Verifique esses grupos antes.</numerusform>
            <numerusform>Cuidado: uma pasta protegida mantém uma cópia inferior enquanto %Ln arquivos melhores iriam embora (uma resolução real maior, o original da câmera ou a imagem sem edição). Verifique esses grupos antes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln arquivo</numerusform>
            <numerusform>%Ln arquivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DismissalsDialog</name>
    <message>
        <source>Not duplicates</source>
        <translation>Não são duplicatas</translation>
    </message>
    <message>
        <source>Groups and pairs you marked as not duplicates. They stay apart in every scan, even after renaming or moving the files. Restore one to see it grouped again.</source>
        <translation>Grupos e pares que você marcou como não duplicatas. Eles ficam separados em toda análise, mesmo após renomear ou mover os arquivos. Restaure um para vê-lo agrupado de novo.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Restore selected</source>
        <translation>Restaurar selecionados</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>par</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>Nothing has been marked as not duplicates.</source>
        <translation>Nada foi marcado como não duplicata.</translation>
    </message>
</context>
<context>
    <name>ErrorsDialog</name>
    <message>
        <source>Problems found during the scan</source>
        <translation>Problemas encontrados durante a análise</translation>
    </message>
    <message>
        <source>These files or folders could not be used. They were left alone; nothing was changed on disk.</source>
        <translation>Estes arquivos ou pastas não puderam ser usados. Eles não foram tocados; nada foi alterado no disco.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
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
        <translation>Menu do arquivo</translation>
    </message>
    <message>
        <source>No application could open %1</source>
        <translation>Nenhum aplicativo conseguiu abrir %1</translation>
    </message>
    <message>
        <source>Open in the default viewer</source>
        <translation>Abrir no visualizador padrão</translation>
    </message>
    <message>
        <source>Show in the file manager</source>
        <translation>Mostrar no gerenciador de arquivos</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar caminho</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Em uma pasta protegida: sempre mantido</translation>
    </message>
    <message>
        <source>Keep this file</source>
        <translation>Manter este arquivo</translation>
    </message>
    <message>
        <source>Mark for the trash</source>
        <translation>Marcar para a lixeira</translation>
    </message>
    <message>
        <source>Keep only this file</source>
        <translation>Manter só este arquivo</translation>
    </message>
    <message>
        <source>Group menu</source>
        <translation>Menu do grupo</translation>
    </message>
    <message>
        <source>Open the kept file</source>
        <translation>Abrir o arquivo mantido</translation>
    </message>
    <message>
        <source>Show the kept file in the file manager</source>
        <translation>Mostrar o arquivo mantido no gerenciador de arquivos</translation>
    </message>
    <message>
        <source>Copy the paths of the group</source>
        <translation>Copiar os caminhos do grupo</translation>
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
        <translation>Arquivos</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Semelhança</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Space freed</source>
        <translation>Espaço liberado</translation>
    </message>
    <message>
        <source>Kept file</source>
        <translation>Arquivo mantido</translation>
    </message>
    <message>
        <source>Green: kept. Red: will go to the trash. Blue: protected folder.</source>
        <translation>Verde: mantido. Vermelho: vai para a lixeira. Azul: pasta protegida.</translation>
    </message>
    <message>
        <source>Number of files in the group</source>
        <translation>Número de arquivos no grupo</translation>
    </message>
    <message>
        <source>The weakest match in the group: the lowest similarity of a file to the group&apos;s reference, the figure the threshold applies to</source>
        <translation>A semelhança mais fraca do grupo: a menor similaridade de um arquivo com a referência do grupo, o valor ao qual o limite se aplica</translation>
    </message>
    <message>
        <source>How the files differ: exact copy, near duplicate, edited copy, similar shot or looks alike</source>
        <translation>Como os arquivos diferem: cópia exata, quase duplicata, cópia editada, foto parecida ou semelhante</translation>
    </message>
    <message>
        <source>Space freed by trashing the files marked for deletion</source>
        <translation>Espaço liberado ao mover para a lixeira os arquivos marcados para exclusão</translation>
    </message>
    <message>
        <source>The file suggested for keeping</source>
        <translation>O arquivo sugerido para manter</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>idêntico</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) marked for the trash (%1)</source>
        <translation>
            <numerusform>%Ln arquivo marcado para a lixeira (%1)</numerusform>
            <numerusform>%Ln arquivos marcados para a lixeira (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>3. Duplicate groups</source>
        <translation>3. Grupos de duplicatas</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos os tipos</translation>
    </message>
    <message>
        <source>Filter by file or folder name</source>
        <translation>Filtrar por nome de arquivo ou pasta</translation>
    </message>
    <message>
        <source>Show groups of this kind</source>
        <translation>Mostrar grupos deste tipo</translation>
    </message>
    <message>
        <source>Duplicate groups</source>
        <translation>Grupos de duplicatas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s), %1 shown</source>
        <translation>
            <numerusform>%Ln grupo (exibidos: %1)</numerusform>
            <numerusform>%Ln grupos (exibidos: %1)</numerusform>
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
        <translation>Manter só este</translation>
    </message>
    <message>
        <source>Keep this file and mark every other file of the group for the trash</source>
        <translation>Manter este arquivo e marcar todos os outros do grupo para a lixeira</translation>
    </message>
    <message>
        <source>✓ KEEP</source>
        <translation>✓ MANTER</translation>
    </message>
    <message>
        <source>✗ TO TRASH</source>
        <translation>✗ PARA A LIXEIRA</translation>
    </message>
    <message>
        <source>✓ PROTECTED</source>
        <translation>✓ PROTEGIDO</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Manter</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Lixeira</translation>
    </message>
    <message>
        <source>Mark this file for the trash (or press its number)</source>
        <translation>Marcar este arquivo para a lixeira (ou pressione o número dele)</translation>
    </message>
    <message>
        <source>Keep this file after all (or press its number)</source>
        <translation>Manter este arquivo afinal (ou pressione o número dele)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept.</source>
        <translation>Em uma pasta protegida: sempre mantido.</translation>
    </message>
    <message>
        <source>the suggested keeper</source>
        <translation>o arquivo sugerido para manter</translation>
    </message>
    <message>
        <source>identical to the keeper (byte for byte)</source>
        <translation>idêntico ao arquivo mantido (byte a byte)</translation>
    </message>
    <message>
        <source>the group&apos;s reference: the others matched it</source>
        <translation>a referência do grupo: os outros foram comparados a ela</translation>
    </message>
    <message>
        <source>%1 similar to the keeper · %2</source>
        <translation>%1 de semelhança com o arquivo mantido · %2</translation>
    </message>
    <message>
        <source>%1 similar to the group&apos;s reference · %2</source>
        <translation>%1 de semelhança com a referência do grupo · %2</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Semelhança</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>largest</source>
        <translation>o maior</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tirada em</translation>
    </message>
    <message>
        <source>no date in the file</source>
        <translation>sem data no arquivo</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>o mais antigo</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Pasta</translation>
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
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>The new language applies the next time Dupe Viewer starts.</source>
        <translation>O novo idioma será aplicado na próxima vez que o Dupe Viewer for iniciado.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Regrouping failed</source>
        <translation>Falha ao reagrupar</translation>
    </message>
    <message>
        <source>1. Folders to scan</source>
        <translation>1. Pastas para analisar</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Analisar</translation>
    </message>
    <message>
        <source>The scan failed</source>
        <translation>A análise falhou</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>Não é possível abrir o relatório</translation>
    </message>
    <message>
        <source>Scanning… groups will appear here as they are found.</source>
        <translation>Analisando… os grupos aparecerão aqui conforme forem encontrados.</translation>
    </message>
    <message>
        <source>No duplicate groups are left: every one has been dealt with.

Rescan to look again, or add more folders.</source>
        <translation>Não restam grupos de duplicatas: todos já foram tratados.

Analise de novo para verificar outra vez, ou adicione mais pastas.</translation>
    </message>
    <message>
        <source>No duplicates found among %1.

Move the “How alike” slider to the left to look for looser matches, or add more folders.</source>
        <translation>Nenhuma duplicata encontrada entre %1.

Mova o controle “Quão parecidos” para a esquerda para buscar semelhanças mais soltas, ou adicione mais pastas.</translation>
    </message>
    <message>
        <source>The scan was cancelled before any duplicates were found.</source>
        <translation>A análise foi cancelada antes de encontrar duplicatas.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Analisar de novo</translation>
    </message>
    <message>
        <source>Already in the list.</source>
        <translation>Já está na lista.</translation>
    </message>
    <message>
        <source>Add a folder to scan</source>
        <translation>Adicionar uma pasta para analisar</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 e mais %n</numerusform>
            <numerusform>%1 e mais %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders changed: press Rescan to update the groups.</source>
        <translation>As pastas mudaram: clique em Analisar de novo para atualizar os grupos.</translation>
    </message>
    <message>
        <source>Add a folder first (drop it on the window).</source>
        <translation>Adicione uma pasta primeiro (arraste-a para a janela).</translation>
    </message>
    <message>
        <source>Wait for the scan to end, or cancel it.</source>
        <translation>Aguarde o fim da verificação ou cancele-a.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln group(s) of %2 read, from %3.</source>
        <translation>
            <numerusform>%1: %Ln grupo de %2 lidos, de %3.</numerusform>
            <numerusform>%1: %Ln grupos de %2 lidos, de %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>The group limit stopped the reading before the end of the report.</source>
        <translation>O limite de grupos interrompeu a leitura antes do fim do relatório.</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 (%3 from the cache): %Ln group(s).</source>
        <translation>
            <numerusform>Análise de %1 em %2 (%3 do cache): %Ln grupo.</numerusform>
            <numerusform>Análise de %1 em %2 (%3 do cache): %Ln grupos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan stopped. The results of the last complete scan are still shown.</source>
        <translation>Análise interrompida. Os resultados da última análise completa continuam exibidos.</translation>
    </message>
    <message>
        <source>Mark all but the keeper</source>
        <translation>Marcar todos menos o mantido</translation>
    </message>
    <message>
        <source>Keep every file</source>
        <translation>Manter todos os arquivos</translation>
    </message>
    <message>
        <source>Invert the marks</source>
        <translation>Inverter as marcações</translation>
    </message>
    <message>
        <source>Back to the suggestion</source>
        <translation>Voltar à sugestão</translation>
    </message>
    <message>
        <source>Keep/trash file 1 to 9 of the group</source>
        <translation>Manter/enviar à lixeira o arquivo 1 a 9 do grupo</translation>
    </message>
    <message>
        <source>Mouse wheel / drag</source>
        <translation>Roda do mouse / arrastar</translation>
    </message>
    <message>
        <source>Zoom / pan all images together</source>
        <translation>Ampliar / mover todas as imagens juntas</translation>
    </message>
</context>
<context>
    <name>Marks</name>
    <message>
        <source>This file is in a protected folder; it is always kept.</source>
        <extracomment>Marked files of shown groups the person never opened (acted on only when asked for). Marked files in groups the filter hides (never acted on). Group ids whose marks changed (an empty list: all of them).</extracomment>
        <translation>Este arquivo está em uma pasta protegida; ele é sempre mantido.</translation>
    </message>
    <message>
        <source>At least one file of every group is kept. Keep another file first.</source>
        <translation>Pelo menos um arquivo de cada grupo é mantido. Mantenha outro arquivo primeiro.</translation>
    </message>
</context>
<context>
    <name>ModelInstallDialog</name>
    <message>
        <source>Deep-similarity model</source>
        <translation>Modelo de similaridade por IA</translation>
    </message>
    <message>
        <source>Deep similarity also finds crops, tilted copies and heavily edited copies. It needs a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its known checksum. Without a network, download it elsewhere and choose the file here.</source>
        <translation>A similaridade por IA também encontra recortes, cópias inclinadas e cópias muito editadas. Ela precisa de um modelo pequeno (SqueezeNet 1.1, 2,4 MB), baixado uma vez e conferido com sua soma de verificação conhecida. Sem rede, baixe-o em outro lugar e escolha o arquivo aqui.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progresso do download</translation>
    </message>
    <message>
        <source>Download the default model</source>
        <translation>Baixar o modelo padrão</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>Escolher um arquivo de modelo…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar download</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Escolher um arquivo de modelo</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>Modelo ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Baixando…</translation>
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
        <translation>Baixados %1 de %2</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <translation>Baixados %1</translation>
    </message>
    <message>
        <source>Installed “%1”. Rescan to find crops and edited copies as well.</source>
        <translation>“%1” instalado. Analise de novo para encontrar também recortes e cópias editadas.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Files not moved, with the reason</source>
        <translation>Arquivos não movidos, com o motivo</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>ignorado: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>falhou: %1</translation>
    </message>
</context>
<context>
    <name>PaneGrid</name>
    <message>
        <source>Files of the group</source>
        <translation>Arquivos do grupo</translation>
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
        <translation>faltam cerca de %1</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Saved report %1 (%2)</source>
        <translation>Relatório salvo %1 (%2)</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>Abrir um relatório salvo</translation>
    </message>
    <message>
        <source>Scan reports (*.json *.jsonl *.parquet);;All files (*)</source>
        <translation>Relatórios de verificação (*.json *.jsonl *.parquet);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Reading the report</source>
        <translation>Lendo o relatório</translation>
    </message>
</context>
<context>
    <name>ReportSubsetDialog</name>
    <message>
        <source>Identical files</source>
        <translation>Arquivos idênticos</translation>
    </message>
    <message>
        <source>Copies (resized, re-encoded, rotated)</source>
        <translation>Cópias (redimensionadas, recodificadas, giradas)</translation>
    </message>
    <message>
        <source>Edited copies</source>
        <translation>Cópias editadas</translation>
    </message>
    <message>
        <source>Similar shots</source>
        <translation>Fotos parecidas</translation>
    </message>
    <message>
        <source>Looks alike</source>
        <translation>Parecidas</translation>
    </message>
    <message>
        <source>Open report: which groups?</source>
        <translation>Abrir relatório: quais grupos?</translation>
    </message>
    <message>
        <source>Every folder</source>
        <translation>Todas as pastas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Groups with a file in:</source>
        <translation>Grupos com um arquivo em:</translation>
    </message>
    <message>
        <source>Kinds:</source>
        <translation>Tipos:</translation>
    </message>
    <message>
        <source>Largest file at least (MB):</source>
        <translation>Maior arquivo de pelo menos (MB):</translation>
    </message>
    <message>
        <source>Largest file at most (MB):</source>
        <translation>Maior arquivo de no máximo (MB):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sem limite</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>At most this many groups:</source>
        <translation>No máximo estes grupos:</translation>
    </message>
    <message>
        <source>Groups with a file in this folder</source>
        <translation>Grupos com um arquivo nesta pasta</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Rules applied to every group.</source>
        <translation>Regras aplicadas a todos os grupos.</translation>
    </message>
    <message>
        <source>Could not remember this decision</source>
        <translation>Não foi possível lembrar esta decisão</translation>
    </message>
    <message>
        <source>Marked as not duplicates. Undo in Tools ▸ Not duplicates list…</source>
        <translation>Marcados como não duplicatas. Desfaça em Ferramentas ▸ Lista de não duplicatas…</translation>
    </message>
    <message>
        <source>Could not read the list</source>
        <translation>Não foi possível ler a lista</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>Não foi possível restaurar</translation>
    </message>
    <message>
        <source>Move the marked files to this folder</source>
        <translation>Mover os arquivos marcados para esta pasta</translation>
    </message>
    <message>
        <source>No file is marked for the trash.</source>
        <translation>Nenhum arquivo está marcado para a lixeira.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Processando…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the trash.</source>
        <translation>
            <numerusform>%Ln arquivo (%1) movido para a lixeira.</numerusform>
            <numerusform>%Ln arquivos (%1) movidos para a lixeira.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) (%1) to the folder.</source>
        <translation>
            <numerusform>%Ln arquivo (%1) movido para a pasta.</numerusform>
            <numerusform>%Ln arquivos (%1) movidos para a pasta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln file(s) back. Rescan to see them in the groups again.</source>
        <translation>
            <numerusform>%Ln arquivo devolvido. Analise de novo para vê-lo outra vez nos grupos.</numerusform>
            <numerusform>%Ln arquivos devolvidos. Analise de novo para vê-los outra vez nos grupos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be moved; each is listed below with the reason.</source>
        <translation>
            <numerusform>%Ln arquivo não pôde ser movido; ele aparece abaixo com o motivo.</numerusform>
            <numerusform>%Ln arquivos não puderam ser movidos; cada um aparece abaixo com o motivo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Concluído, com problemas</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>Falha ao desfazer</translation>
    </message>
    <message>
        <source>Could not read the journal</source>
        <translation>Não foi possível ler o registro</translation>
    </message>
    <message>
        <source>Undo a move</source>
        <translation>Desfazer uma movimentação</translation>
    </message>
    <message>
        <source>Export groups</source>
        <translation>Exportar grupos</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>Relatório JSON (*.json);;Tabela CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado para %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Falha na exportação</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <source>Subfolders</source>
        <translation>Subpastas</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Protegida</translation>
    </message>
    <message>
        <source>Also scan the folders inside this folder.</source>
        <translation>Analisar também as pastas dentro desta pasta.</translation>
    </message>
    <message>
        <source>Files in a protected folder are never proposed for deletion.</source>
        <translation>Arquivos em uma pasta protegida nunca são sugeridos para exclusão.</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Folders to scan</source>
        <translation>Pastas para analisar</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Adicionar pasta…</translation>
    </message>
    <message>
        <source>Choose a folder to scan (you can also drop folders on the window)</source>
        <translation>Escolher uma pasta para analisar (você também pode arrastar pastas para a janela)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Stop scanning the selected folders (no file is touched)</source>
        <translation>Parar de analisar as pastas selecionadas (nenhum arquivo é tocado)</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Highest resolution</source>
        <translation>Maior resolução</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Maior arquivo</translation>
    </message>
    <message>
        <source>Smallest file</source>
        <translation>Menor arquivo</translation>
    </message>
    <message>
        <source>Oldest date (taken, else modified)</source>
        <translation>Data mais antiga (captura, senão modificação)</translation>
    </message>
    <message>
        <source>Newest date (taken, else modified)</source>
        <translation>Data mais recente (captura, senão modificação)</translation>
    </message>
    <message>
        <source>In a preferred folder</source>
        <translation>Em uma pasta preferida</translation>
    </message>
    <message>
        <source>Preferred format</source>
        <translation>Formato preferido</translation>
    </message>
    <message>
        <source>Shortest file name</source>
        <translation>Nome de arquivo mais curto</translation>
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
        <translation>Escolher qual arquivo manter</translation>
    </message>
    <message>
        <source>In every group, these rules pick the file to keep; the others are marked for the trash. The first rule decides; the next ones only break ties. Files in protected folders are always kept. Your own marks are replaced.</source>
        <translation>Em cada grupo, estas regras escolhem o arquivo a manter; os outros são marcados para a lixeira. A primeira regra decide; as seguintes só desempatam. Arquivos em pastas protegidas são sempre mantidos. Suas próprias marcações são substituídas.</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Adicionar regra</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Padrões</translation>
    </message>
    <message>
        <source>Apply to all groups</source>
        <translation>Aplicar a todos os grupos</translation>
    </message>
    <message>
        <source>Preferred folder</source>
        <translation>Pasta preferida</translation>
    </message>
    <message>
        <source>Preferred formats</source>
        <translation>Formatos preferidos</translation>
    </message>
    <message>
        <source>Formats in order of preference, separated by commas:</source>
        <translation>Formatos em ordem de preferência, separados por vírgulas:</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <source>Files skipped as unsupported</source>
        <translation>Arquivos ignorados por não serem compatíveis</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>(scan)</source>
        <translation>(análise)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) skipped as unsupported: %1</source>
        <translation>
            <numerusform>%Ln arquivo ignorado por não ser compatível: %1</numerusform>
            <numerusform>%Ln arquivos ignorados por não serem compatíveis: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(no extension)</source>
        <translation>(sem extensão)</translation>
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
        <translation>Análise cancelada. O que foi lido está em cache: a próxima análise continua dali.</translation>
    </message>
</context>
<context>
    <name>ScanWorker</name>
    <message>
        <source>(not duplicates list)</source>
        <extracomment>Works out the marks of a result&apos;s groups, on the scan&apos;s thread (None: left to the GUI thread).</extracomment>
        <translation>(lista de não duplicatas)</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>Não foi possível ler: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
</context>
<context>
    <name>SimilarityPanel</name>
    <message>
        <source>2. How alike must files be?</source>
        <translation>2. Quão parecidos os arquivos devem ser?</translation>
    </message>
    <message>
        <source>Lower: more groups, including edited copies. Higher: only very close copies.</source>
        <translation>Mais baixo: mais grupos, incluindo cópias editadas. Mais alto: só cópias muito próximas.</translation>
    </message>
    <message>
        <source>Deep similarity also groups different shots of the same scene.</source>
        <translation>A similaridade por IA também agrupa fotos diferentes da mesma cena.</translation>
    </message>
    <message>
        <source>Install the model…</source>
        <translation>Instalar o modelo…</translation>
    </message>
    <message>
        <source>Download the deep-similarity model (2.4 MB), or choose a model file</source>
        <translation>Baixar o modelo de similaridade por IA (2,4 MB) ou escolher um arquivo de modelo</translation>
    </message>
    <message>
        <source>looser</source>
        <translation>mais solto</translation>
    </message>
    <message>
        <source>stricter</source>
        <translation>mais rigoroso</translation>
    </message>
    <message>
        <source>Picture similarity needed</source>
        <translation>Similaridade de imagem necessária</translation>
    </message>
    <message>
        <source>Deep similarity needed</source>
        <translation>Similaridade por IA necessária</translation>
    </message>
    <message>
        <source>A saved report lists only the groups it found: the slider can make them stricter, not find more. Rescan the folders to look for looser matches.</source>
        <translation>Um relatório salvo lista apenas os grupos que encontrou: o controle pode torná-los mais rigorosos, não encontrar mais. Verifique as pastas de novo para procurar correspondências mais amplas.</translation>
    </message>
    <message>
        <source>The deep-similarity model is installed: Rescan to use it.</source>
        <translation>O modelo de similaridade por IA está instalado: analise de novo para usá-lo.</translation>
    </message>
    <message>
        <source>Deep similarity (finds crops and tilted copies) is off: no model is installed.</source>
        <translation>A similaridade por IA (encontra recortes e cópias inclinadas) está desligada: nenhum modelo está instalado.</translation>
    </message>
    <message>
        <source>Deep similarity is off: %1</source>
        <translation>A similaridade por IA está desligada: %1</translation>
    </message>
    <message>
        <source>Picture similarity needed: &lt;b&gt;%1 %&lt;/b&gt;</source>
        <translation>Similaridade de imagem necessária: &lt;b&gt;%1%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Deep: %1 %</source>
        <translation>IA: %1%</translation>
    </message>
</context>
<context>
    <name>UndoMovesDialog</name>
    <message>
        <source>Undo a move</source>
        <translation>Desfazer uma movimentação</translation>
    </message>
    <message>
        <source>Files moved to a folder by this app can be moved back to where they were. A file whose original place is occupied again is left where it is.</source>
        <translation>Arquivos que este aplicativo moveu para uma pasta podem voltar para onde estavam. Um arquivo cujo local original estiver ocupado de novo fica onde está.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln file(s) moved to %2</source>
        <translation>
            <numerusform>%1 · %Ln arquivo movido para %2</numerusform>
            <numerusform>%1 · %Ln arquivos movidos para %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No move can be undone.</source>
        <translation>Nenhuma movimentação pode ser desfeita.</translation>
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
        <translation>Arraste pastas para cá para encontrar fotos duplicadas</translation>
    </message>
    <message>
        <source>Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) and shows them side by side. You choose what to keep; nothing is deleted: unwanted copies go to the trash, after you confirm.</source>
        <translation>O Dupe Viewer encontra cópias exatas e quase duplicatas (redimensionadas, salvas de novo, editadas) e as mostra lado a lado. Você escolhe o que manter; nada é excluído: as cópias indesejadas vão para a lixeira, depois que você confirmar.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Adicionar pasta…</translation>
    </message>
    <message>
        <source>Scan the folders listed</source>
        <translation>Analisar as pastas listadas</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Add folder…</source>
        <extracomment>Keep/trash file 1 … 9 of the group (keys 1-9).</extracomment>
        <translation>A&amp;dicionar pasta…</translation>
    </message>
    <message>
        <source>Choose a folder to scan</source>
        <translation>Escolher uma pasta para analisar</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>A&amp;nalisar</translation>
    </message>
    <message>
        <source>Scan the folders listed (fast again: results are cached)</source>
        <translation>Analisar as pastas listadas (rápido na próxima vez: os resultados ficam em cache)</translation>
    </message>
    <message>
        <source>&amp;Cancel scan</source>
        <translation>&amp;Cancelar análise</translation>
    </message>
    <message>
        <source>Stop the scan; what was read so far is kept for next time</source>
        <translation>Parar a análise; o que já foi lido fica guardado para a próxima vez</translation>
    </message>
    <message>
        <source>&amp;Export groups…</source>
        <translation>&amp;Exportar grupos…</translation>
    </message>
    <message>
        <source>Save the groups as a JSON or CSV report</source>
        <translation>Salvar os grupos como relatório JSON ou CSV</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>A&amp;brir relatório…</translation>
    </message>
    <message>
        <source>Review the groups of a saved scan report (JSON, JSON lines or Parquet)</source>
        <translation>Revisar os grupos de um relatório de verificação salvo (JSON, linhas JSON ou Parquet)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Próximo grupo</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Grupo anterior</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next group</source>
        <translation>Aceitar a sugestão e ir para o próximo grupo</translation>
    </message>
    <message>
        <source>Keep the suggested file, trash the other copies, and show the next group</source>
        <translation>Manter o arquivo sugerido, enviar as outras cópias para a lixeira e mostrar o próximo grupo</translation>
    </message>
    <message>
        <source>Keep every file of this group</source>
        <translation>Manter todos os arquivos deste grupo</translation>
    </message>
    <message>
        <source>Mark every file of this group but one</source>
        <translation>Marcar todos os arquivos deste grupo menos um</translation>
    </message>
    <message>
        <source>Mark all for the trash except the suggested keeper</source>
        <translation>Marcar tudo para a lixeira exceto o arquivo sugerido para manter</translation>
    </message>
    <message>
        <source>Invert the marks of this group</source>
        <translation>Inverter as marcações deste grupo</translation>
    </message>
    <message>
        <source>Mark all in every group shown</source>
        <translation>Marcar tudo em cada grupo exibido</translation>
    </message>
    <message>
        <source>In every group shown, mark all for the trash except its keeper</source>
        <translation>Em cada grupo exibido, marcar tudo para a lixeira exceto o arquivo mantido</translation>
    </message>
    <message>
        <source>Unmark all in every group shown</source>
        <translation>Desmarcar tudo em cada grupo exibido</translation>
    </message>
    <message>
        <source>Invert the marks of every group shown</source>
        <translation>Inverter as marcações de cada grupo exibido</translation>
    </message>
    <message>
        <source>Reset all marks to the suggestions</source>
        <translation>Redefinir todas as marcações para as sugestões</translation>
    </message>
    <message>
        <source>Auto-select &amp;rules…</source>
        <translation>&amp;Regras de seleção automática…</translation>
    </message>
    <message>
        <source>Choose which file to keep in every group by rules</source>
        <translation>Escolher por regras qual arquivo manter em cada grupo</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>Não são duplicatas</translation>
    </message>
    <message>
        <source>These files are not duplicates: never group them again</source>
        <translation>Estes arquivos não são duplicatas: nunca mais agrupá-los</translation>
    </message>
    <message>
        <source>Move marked files to the trash…</source>
        <translation>Mover os arquivos marcados para a lixeira…</translation>
    </message>
    <message>
        <source>Move marked files to a folder…</source>
        <translation>Mover os arquivos marcados para uma pasta…</translation>
    </message>
    <message>
        <source>Move the marked files to a folder instead of the trash</source>
        <translation>Mover os arquivos marcados para uma pasta em vez da lixeira</translation>
    </message>
    <message>
        <source>Undo a move to folder…</source>
        <translation>Desfazer uma movimentação para pasta…</translation>
    </message>
    <message>
        <source>Not duplicates list…</source>
        <translation>Lista de não duplicatas…</translation>
    </message>
    <message>
        <source>Problems found…</source>
        <translation>Problemas encontrados…</translation>
    </message>
    <message>
        <source>Install the deep-similarity model…</source>
        <translation>Instalar o modelo de similaridade por IA…</translation>
    </message>
    <message>
        <source>Download the default model, or choose a model file</source>
        <translation>Baixar o modelo padrão ou escolher um arquivo de modelo</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit each image in its pane (F)</source>
        <translation>Ajustar cada imagem ao seu painel (F)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual pixels of the largest image; the others show the same area (Z)</source>
        <translation>Pixels reais da maior imagem; as outras mostram a mesma área (Z)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Reduzir</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Tela cheia</translation>
    </message>
    <message>
        <source>Show only the comparison, full screen (F11, Esc to leave)</source>
        <translation>Mostrar só a comparação, em tela cheia (F11, Esc para sair)</translation>
    </message>
    <message>
        <source>Side by side / all files</source>
        <translation>Lado a lado / todos os arquivos</translation>
    </message>
    <message>
        <source>Compare with the next file</source>
        <translation>Comparar com o próximo arquivo</translation>
    </message>
    <message>
        <source>Compare with the previous file</source>
        <translation>Comparar com o arquivo anterior</translation>
    </message>
    <message>
        <source>Leave full screen / cancel scan</source>
        <translation>Sair da tela cheia / cancelar a análise</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keep/trash file %1</source>
        <translation>Manter/enviar à lixeira o arquivo %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisão</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Ferramentas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Not found: %1</source>
        <translation>Não encontrado: %1</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>The file vanished before it could be read</source>
        <extracomment>kind -&gt; the engine&apos;s wording (a regular expression matched against the whole message).</extracomment>
        <translation>O arquivo sumiu antes que pudesse ser lido</translation>
    </message>
    <message>
        <source>Vanished while scanning (deleted or moved)</source>
        <translation>Sumiu durante a análise (excluído ou movido)</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <source>A folder, not a file</source>
        <translation>Uma pasta, não um arquivo</translation>
    </message>
    <message>
        <source>Does not exist</source>
        <translation>Não existe</translation>
    </message>
    <message>
        <source>Broken symbolic link</source>
        <translation>Link simbólico quebrado</translation>
    </message>
    <message>
        <source>Symbolic link loop</source>
        <translation>Laço de links simbólicos</translation>
    </message>
    <message>
        <source>Not an image file (unknown extension)</source>
        <translation>Não é um arquivo de imagem (extensão desconhecida)</translation>
    </message>
    <message>
        <source>Skipped: %1, not a regular file</source>
        <translation>Ignorado: %1, não é um arquivo comum</translation>
    </message>
    <message>
        <source>Not a regular file: %1</source>
        <translation>Não é um arquivo comum: %1</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Não é possível ler o arquivo: %1</translation>
    </message>
    <message>
        <source>Empty file (0 bytes)</source>
        <translation>Arquivo vazio (0 bytes)</translation>
    </message>
    <message>
        <source>Not an image (the file contains text)</source>
        <translation>Não é uma imagem (o arquivo contém texto)</translation>
    </message>
    <message>
        <source>Not a recognised image format (corrupt or unsupported file)</source>
        <translation>Formato de imagem não reconhecido (arquivo corrompido ou não compatível)</translation>
    </message>
    <message>
        <source>The image has no pixels</source>
        <translation>A imagem não tem pixels</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)</source>
        <translation>Recusada como possível bomba de descompressão: %1 × %2 = %3 megapixels (limite %4)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)</source>
        <translation>Recusada como possível bomba de descompressão: declara %1 megapixels (limite %2)</translation>
    </message>
    <message>
        <source>Refused as a possible decompression bomb: it declares too many pixels (limit %1)</source>
        <translation>Recusada como possível bomba de descompressão: declara pixels demais (limite %1)</translation>
    </message>
    <message>
        <source>Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)</source>
        <translation>Grande demais para decodificar com segurança: %1 ocuparia %2 GB de memória (limite %3 GB)</translation>
    </message>
    <message>
        <source>Too large to decode safely: a %1 MB RAW file (limit %2 MB)</source>
        <translation>Grande demais para decodificar com segurança: um arquivo RAW de %1 MB (limite %2 MB)</translation>
    </message>
    <message>
        <source>Too large to decode safely (LibRaw refused its declared size)</source>
        <translation>Grande demais para decodificar com segurança (o LibRaw recusou o tamanho declarado)</translation>
    </message>
    <message>
        <source>Not enough memory to decode this image</source>
        <translation>Memória insuficiente para decodificar esta imagem</translation>
    </message>
    <message>
        <source>Refused: its metadata (text or colour profile) inflates to more than the limit</source>
        <translation>Recusada: seus metadados (texto ou perfil de cor) passam do limite ao descompactar</translation>
    </message>
    <message>
        <source>Truncated image file (the end of the file is missing)</source>
        <translation>Arquivo de imagem truncado (falta o final do arquivo)</translation>
    </message>
    <message>
        <source>Corrupt image data (%1)</source>
        <translation>Dados de imagem corrompidos (%1)</translation>
    </message>
    <message>
        <source>Corrupt RAW data (the file is damaged or truncated)</source>
        <translation>Dados RAW corrompidos (o arquivo está danificado ou truncado)</translation>
    </message>
    <message>
        <source>Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)</source>
        <translation>Não é um arquivo RAW que o LibRaw consiga ler (corrompido ou de câmera não compatível)</translation>
    </message>
    <message>
        <source>Camera RAW files cannot be read here (rawpy: %1)</source>
        <translation>Arquivos RAW de câmera não podem ser lidos aqui (rawpy: %1)</translation>
    </message>
    <message>
        <source>The file changed since the scan (size or modification time differ)</source>
        <translation>O arquivo mudou desde a análise (tamanho ou data de modificação diferentes)</translation>
    </message>
    <message>
        <source>The file changed since the scan (another file now has its name)</source>
        <translation>O arquivo mudou desde a análise (outro arquivo agora tem o nome dele)</translation>
    </message>
    <message>
        <source>The file changed since the scan (rewritten in place: its status change time differs)</source>
        <translation>O arquivo mudou desde a análise (regravado no lugar: a data de mudança de status é diferente)</translation>
    </message>
    <message>
        <source>The file&apos;s content changed since the scan</source>
        <translation>O conteúdo do arquivo mudou desde a análise</translation>
    </message>
    <message>
        <source>The file no longer exists</source>
        <translation>O arquivo não existe mais</translation>
    </message>
    <message>
        <source>The path is now a symbolic link, not the file itself</source>
        <translation>O caminho agora é um link simbólico, não o próprio arquivo</translation>
    </message>
    <message>
        <source>The path is no longer a regular file</source>
        <translation>O caminho não é mais um arquivo comum</translation>
    </message>
    <message>
        <source>Cannot check the file: %1</source>
        <translation>Não é possível verificar o arquivo: %1</translation>
    </message>
    <message>
        <source>This would remove every copy in its group</source>
        <translation>Isso removeria todas as cópias do grupo</translation>
    </message>
    <message>
        <source>No file kept in its group is still on disk unchanged (%1: %2)</source>
        <translation>Nenhum arquivo mantido do grupo continua intacto no disco (%1: %2)</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Em uma pasta protegida: sempre mantido</translation>
    </message>
    <message>
        <source>It is the very file acted on, under another name (a hard link)</source>
        <translation>É o próprio arquivo em que se age, com outro nome (um link físico)</translation>
    </message>
    <message>
        <source>Its path leads to a file acted on (through a symbolic link)</source>
        <translation>Seu caminho leva a um arquivo em que se age (por um link simbólico)</translation>
    </message>
    <message>
        <source>Cancelled before this file</source>
        <translation>Cancelado antes deste arquivo</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it is not UTF-8 text)</source>
        <translation>%1 não é um relatório do dupe-viewer (não é texto UTF-8)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (not valid JSON: %2)</source>
        <translation>%1 não é um relatório do dupe-viewer (JSON inválido: %2)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (%2)</source>
        <translation>%1 não é um relatório do dupe-viewer (%2)</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer report (it has no version and roots)</source>
        <translation>%1 não é um relatório do dupe-viewer (não tem versão nem pastas)</translation>
    </message>
    <message>
        <source>%1 is a report of version %2; this version reads version %3</source>
        <translation>%1 é um relatório da versão %2; esta versão lê a versão %3</translation>
    </message>
    <message>
        <source>%1: group %2 cannot be read (%3)</source>
        <translation>%1: o grupo %2 não pode ser lido (%3)</translation>
    </message>
    <message>
        <source>%1: line %2 is not valid JSON (%3)</source>
        <translation>%1: a linha %2 não é JSON válido (%3)</translation>
    </message>
    <message>
        <source>Cannot read %1: a CSV table is not a report that can be opened</source>
        <translation>Não é possível ler %1: uma tabela CSV não é um relatório que possa ser aberto</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a JSON-lines report</source>
        <translation>%1 está vazio: não é um relatório JSON Lines</translation>
    </message>
    <message>
        <source>%1 is not a dupe-viewer Parquet report</source>
        <translation>%1 não é um relatório Parquet do dupe-viewer</translation>
    </message>
    <message>
        <source>Parquet reports need pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (or pyarrow)</source>
        <translation>Relatórios Parquet precisam do pyarrow: pip install &apos;dupe-viewer[cluster]&apos; (ou pyarrow)</translation>
    </message>
    <message>
        <source>turned off (--no-deep)</source>
        <translation>desligada (--no-deep)</translation>
    </message>
    <message>
        <source>no model is installed</source>
        <translation>nenhum modelo está instalado</translation>
    </message>
    <message>
        <source>the model “%1” is not installed</source>
        <translation>o modelo “%1” não está instalado</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>um pipe nomeado (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>um dispositivo de caractere</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>um dispositivo de bloco</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>um socket</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>uma pasta</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>não é um arquivo comum</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>exact copy</source>
        <translation>cópia exata</translation>
    </message>
    <message>
        <source>near duplicate</source>
        <translation>quase duplicata</translation>
    </message>
    <message>
        <source>edited copy</source>
        <translation>cópia editada</translation>
    </message>
    <message>
        <source>similar shot</source>
        <translation>foto parecida</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>semelhante</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referência</translation>
    </message>
    <message>
        <source>Byte-for-byte identical files.</source>
        <translation>Arquivos idênticos byte a byte.</translation>
    </message>
    <message>
        <source>The same picture saved differently: resized, re-compressed or another format.</source>
        <translation>A mesma imagem salva de outro jeito: redimensionada, recompactada ou em outro formato.</translation>
    </message>
    <message>
        <source>The same picture with edits: cropped, rotated, colours changed or marked up.</source>
        <translation>A mesma imagem com edições: cortada, girada, com cores alteradas ou anotada.</translation>
    </message>
    <message>
        <source>Another shot of the same scene: a frame of a burst taken a moment apart, or another framing of the picture (one half of it). Not a copy: never pre-marked.</source>
        <translation>Outra foto da mesma cena: um quadro de uma sequência tirado um instante depois, ou outro enquadramento da imagem (metade dela). Não é uma cópia: nunca vem marcada.</translation>
    </message>
    <message>
        <source>Looks alike to the deep-similarity model, but is not verified as the same picture (another photo of a similar subject). Never pre-marked.</source>
        <translation>Parece semelhante para o modelo de similaridade por IA, mas não foi confirmado como a mesma imagem (outra foto de um tema parecido). Nunca vem marcado.</translation>
    </message>
    <message>
        <source>Finding files</source>
        <translation>Procurando arquivos</translation>
    </message>
    <message>
        <source>Checking the cache</source>
        <translation>Verificando o cache</translation>
    </message>
    <message>
        <source>Comparing file contents</source>
        <translation>Comparando o conteúdo dos arquivos</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Lendo imagens</translation>
    </message>
    <message>
        <source>Hashing</source>
        <translation>Calculando impressões digitais</translation>
    </message>
    <message>
        <source>Computing deep similarity</source>
        <translation>Calculando a similaridade por IA</translation>
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
        <translation>desconhecido</translation>
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
        <translation>%1%</translation>
    </message>
    <message>
        <source>Kept: in a protected folder</source>
        <translation>Mantido: em uma pasta protegida</translation>
    </message>
    <message>
        <source>Kept: the best original of the group</source>
        <translation>Mantido: o melhor original do grupo</translation>
    </message>
    <message>
        <source>Kept: the unedited picture (the others are edits)</source>
        <translation>Mantido: a imagem sem edição (as outras são edições)</translation>
    </message>
    <message>
        <source>Kept: the highest real resolution ({pixels})</source>
        <translation>Mantido: a maior resolução real ({pixels})</translation>
    </message>
    <message>
        <source>Kept: the camera original ({camera})</source>
        <translation>Mantido: o original da câmera ({camera})</translation>
    </message>
    <message>
        <source>Kept: the version closest to all the others (they are its variants)</source>
        <translation>Mantido: a versão mais próxima de todas as outras (elas são suas variantes)</translation>
    </message>
    <message>
        <source>Kept: the best encoding ({encoding})</source>
        <translation>Mantido: a melhor codificação ({encoding})</translation>
    </message>
    <message>
        <source>Kept: taken first ({taken})</source>
        <translation>Mantido: tirada primeiro ({taken})</translation>
    </message>
    <message>
        <source>Kept: of byte-identical copies, the oldest file (then the shortest path)</source>
        <translation>Mantido: entre cópias idênticas byte a byte, o arquivo mais antigo (depois o caminho mais curto)</translation>
    </message>
    <message>
        <source>Kept: first by your rule “{rule}”</source>
        <translation>Mantido: primeiro pela sua regra “{rule}”</translation>
    </message>
    <message>
        <source>In a protected folder: always kept</source>
        <translation>Em uma pasta protegida: sempre mantido</translation>
    </message>
    <message>
        <source>Byte-identical copy of the kept file</source>
        <translation>Cópia idêntica byte a byte do arquivo mantido</translation>
    </message>
    <message>
        <source>Grayscale copy</source>
        <translation>Cópia em tons de cinza</translation>
    </message>
    <message>
        <source>Bordered or letterboxed copy</source>
        <translation>Cópia com borda ou faixas</translation>
    </message>
    <message>
        <source>Upscaled ×{factor} (no more detail than the kept file)</source>
        <translation>Ampliada ×{factor} (sem mais detalhes que o arquivo mantido)</translation>
    </message>
    <message>
        <source>Smaller: {percent} % of the kept file&apos;s resolution</source>
        <translation>Menor: {percent}% da resolução do arquivo mantido</translation>
    </message>
    <message>
        <source>No camera metadata</source>
        <translation>Sem metadados da câmera</translation>
    </message>
    <message>
        <source>A variant: further from the others than the kept file</source>
        <translation>Uma variante: mais distante das outras que o arquivo mantido</translation>
    </message>
    <message>
        <source>Re-encoded at lower quality ({encoding} vs {keeper_encoding})</source>
        <translation>Recodificada com qualidade inferior ({encoding} versus {keeper_encoding})</translation>
    </message>
    <message>
        <source>Taken later</source>
        <translation>Tirada depois</translation>
    </message>
    <message>
        <source>Same picture, a newer file</source>
        <translation>A mesma imagem, um arquivo mais novo</translation>
    </message>
    <message>
        <source>Lower by your rule “{rule}”</source>
        <translation>Abaixo pela sua regra “{rule}”</translation>
    </message>
    <message>
        <source>Looks alike, not verified as the same picture: your decision</source>
        <translation>Parece semelhante, sem confirmação de ser a mesma imagem: você decide</translation>
    </message>
    <message>
        <source>A similar shot (another moment or framing), not a copy: your decision</source>
        <translation>Uma foto parecida (outro momento ou enquadramento), não uma cópia: você decide</translation>
    </message>
    <message>
        <source>Kept: the sharpest, best-exposed of these shots</source>
        <translation>Mantido: a mais nítida e mais bem exposta destas fotos</translation>
    </message>
    <message>
        <source>Less sharp than the kept frame</source>
        <translation>Menos nítida que a foto mantida</translation>
    </message>
    <message>
        <source>More burnt-out or crushed pixels than the kept frame</source>
        <translation>Mais pixels estourados ou empastados que a foto mantida</translation>
    </message>
    <message>
        <source>Kept: the camera RAW ({format})</source>
        <translation>Mantido: o RAW da câmera ({format})</translation>
    </message>
    <message>
        <source>Same shot, RAW + {format}: the kept file is the camera RAW</source>
        <translation>A mesma foto, RAW + {format}: o arquivo mantido é o RAW da câmera</translation>
    </message>
    <message>
        <source>Edited in part of the picture (pasted or painted over; the others agree there)</source>
        <translation>Editada em parte da imagem (colada ou pintada por cima; as outras coincidem ali)</translation>
    </message>
    <message>
        <source>The kept file is in a protected folder</source>
        <translation>O arquivo mantido está em uma pasta protegida</translation>
    </message>
    <message>
        <source>Higher real resolution than the kept file, kept only for its protected folder</source>
        <translation>Resolução real maior que a do arquivo mantido, que só é mantido por estar em pasta protegida</translation>
    </message>
    <message>
        <source>The camera original; the kept file is kept only for its protected folder</source>
        <translation>O original da câmera; o arquivo mantido só é mantido por estar em pasta protegida</translation>
    </message>
    <message>
        <source>The unedited picture; the kept file is kept only for its protected folder</source>
        <translation>A imagem sem edição; o arquivo mantido só é mantido por estar em pasta protegida</translation>
    </message>
</context>
</TS>
