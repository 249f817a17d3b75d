<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppsDialog</name>
    <message numerus="yes">
        <source>%n apps can read your library.</source>
        <translation>
            <numerusform>%n app can read your library.</numerusform>
            <numerusform>%n apps can read your library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n apps can see your library.</source>
        <translation>
            <numerusform>Checked: %n app can see your library.</numerusform>
            <numerusform>Checked: %n apps can see your library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message numerus="yes">
        <source>%n apps can read your whole library: %1</source>
        <translation>
            <numerusform>%n app can read your whole library: %1</numerusform>
            <numerusform>%n apps can read your whole library: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message numerus="yes">
        <source>Creates %n generated photos carrying fake GPS positions and names in Pellicle&apos;s data folder, and uses them as the library.</source>
        <translation>
            <numerusform>Creates %n generated photo carrying fake GPS positions and names in Pellicle&apos;s data folder, and uses it as the library.</numerusform>
            <numerusform>Creates %n generated photos carrying fake GPS positions and names in Pellicle&apos;s data folder, and uses them as the library.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample photos are ready. They carry fake GPS positions, camera serials and a made-up person&apos;s name, so you can see what Pellicle removes.</source>
        <translation>
            <numerusform>%n sample photo is ready. It carries fake GPS positions, camera serials and a made-up person&apos;s name, so you can see what Pellicle removes.</numerusform>
            <numerusform>%n sample photos are ready. They carry fake GPS positions, camera serials and a made-up person&apos;s name, so you can see what Pellicle removes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderDelegate</name>
    <message numerus="yes">
        <source>+%Ln private</source>
        <translation>
            <numerusform>+%Ln private</numerusform>
            <numerusform>+%Ln private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private inside</source>
        <translation>
            <numerusform>%Ln private inside</numerusform>
            <numerusform>%Ln private inside</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln shareable</source>
        <translation>
            <numerusform>+%Ln shareable</numerusform>
            <numerusform>+%Ln shareable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable inside</source>
        <translation>
            <numerusform>%Ln shareable inside</numerusform>
            <numerusform>%Ln shareable inside</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderDrop</name>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (shareable)?</source>
        <translation>
            <numerusform>Pellicle never moves photos. Give %n photo the rule of “{folder}” (shareable)?</numerusform>
            <numerusform>Pellicle never moves photos. Give these %n photos the rule of “{folder}” (shareable)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (private)?</source>
        <translation>
            <numerusform>Pellicle never moves photos. Give %n photo the rule of “{folder}” (private)?</numerusform>
            <numerusform>Pellicle never moves photos. Give these %n photos the rule of “{folder}” (private)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (shareable)?</source>
        <translation>
            <numerusform>Pellicle never moves photos. Give %n item the rule of “{folder}” (shareable)?</numerusform>
            <numerusform>Pellicle never moves photos. Give these %n items the rule of “{folder}” (shareable)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (private)?</source>
        <translation>
            <numerusform>Pellicle never moves photos. Give %n item the rule of “{folder}” (private)?</numerusform>
            <numerusform>Pellicle never moves photos. Give these %n items the rule of “{folder}” (private)?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderModel</name>
    <message numerus="yes">
        <source>Shareable below: {shareable} of %Ln photo(s)</source>
        <translation>
            <numerusform>Shareable below: {shareable} of %Ln photo</numerusform>
            <numerusform>Shareable below: {shareable} of %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private photo(s) inside</source>
        <translation>
            <numerusform>%Ln private photo inside</numerusform>
            <numerusform>%Ln private photos inside</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable photo(s) inside</source>
        <translation>
            <numerusform>%Ln shareable photo inside</numerusform>
            <numerusform>%Ln shareable photos inside</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridHeader</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation>
            <numerusform>%Ln shareable</numerusform>
            <numerusform>%Ln shareable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message numerus="yes">
        <source>%Ln withdrawn</source>
        <translation>
            <numerusform>%Ln withdrawn</numerusform>
            <numerusform>%Ln withdrawn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still shared</source>
        <translation>
            <numerusform>%Ln still shared</numerusform>
            <numerusform>%Ln still shared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>%Ln still shared</source>
        <translation>
            <numerusform>%Ln still shared</numerusform>
            <numerusform>%Ln still shared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%Ln photo(s) selected</source>
        <translation>
            <numerusform>%Ln photo selected</numerusform>
            <numerusform>%Ln photos selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation>
            <numerusform>%Ln shareable</numerusform>
            <numerusform>%Ln shareable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation>
            <numerusform>%Ln private</numerusform>
            <numerusform>%Ln private</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation>
            <numerusform>%Ln shareable</numerusform>
            <numerusform>%Ln shareable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation>
            <numerusform>%Ln private</numerusform>
            <numerusform>%Ln private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exported</source>
        <translation>
            <numerusform>%Ln exported</numerusform>
            <numerusform>%Ln exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unknown file(s) in the export (left alone)</source>
        <translation>
            <numerusform>%Ln unknown file in the export (left alone)</numerusform>
            <numerusform>%Ln unknown files in the export (left alone)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync except %Ln problem(s)</source>
        <translation>
            <numerusform>In sync except %Ln problem</numerusform>
            <numerusform>In sync except %Ln problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <translation>
            <numerusform>%Ln problem</numerusform>
            <numerusform>%Ln problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln change waiting to sync</numerusform>
            <numerusform>%Ln changes waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{what}: %Ln file(s)</source>
        <translation>
            <numerusform>{what}: %Ln file</numerusform>
            <numerusform>{what}: %Ln files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n shareable</source>
        <translation>
            <numerusform>%n shareable</numerusform>
            <numerusform>%n shareable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private</source>
        <translation>
            <numerusform>%n private</numerusform>
            <numerusform>%n private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not exported: %n shareable photo(s) (pellicle sync lists them)</source>
        <translation>
            <numerusform>not exported: %n shareable photo (pellicle sync lists it)</numerusform>
            <numerusform>not exported: %n shareable photos (pellicle sync lists them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>checked %n exported file(s)</source>
        <translation>
            <numerusform>checked %n exported file</numerusform>
            <numerusform>checked %n exported files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still shared</source>
        <translation>
            <numerusform>%n still shared</numerusform>
            <numerusform>%n still shared</numerusform>
        </translation>
    </message>
</context>
</TS>
