<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Mark &amp;shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected photos or folders shareable (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected photos or folders private (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove their own mark; they inherit again (U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the export up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folders, export folder and options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search photos by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Pellicle (syncing stops)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the photos of every library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was shared when, and whether it still is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppsDialog</name>
    <message>
        <source>Apps and your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandboxed (Flatpak) apps should see only the export folder. Restricting an app removes every permission that reaches your library and lets it read the export folder; Undo puts back exactly what it had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandboxed apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check inside the sandboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a tiny command in each app&apos;s own sandbox to see what it really reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking at the installed apps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no sandboxed apps: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Flatpak apps are installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 app can read your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n apps can read your library.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No installed app can read your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it back exactly the permissions it had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot read your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Go on and overwrite that change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving %1 back its permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricting %1 to the export folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking inside each app&apos;s sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: 1 app can see your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n apps can see your library.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: no app can see your library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppsModel</name>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in its sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read your library (through: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— its permissions changed since it was restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sees only the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sees the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library: cannot tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads and writes the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: cannot tell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Badge</name>
    <message>
        <source>Shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inherited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shareable (inherited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private (inherited)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Apps that can read your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review apps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 app can read your whole library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n apps can read your whole library: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropTarget</name>
    <message>
        <source>Shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop photos or folders here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos or folders here, or press Enter, to mark the selection shareable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop photos or folders here, or press Enter, to mark the selection private.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Everything in your library starts private: nothing leaves your computer until you say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark photos or folders shareable, and Pellicle keeps one export folder holding cleaned copies of just those photos, without location, camera serials, names or dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That export folder is the one thing you grant to AI and creative apps; make a photo private again and its copy disappears from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How Pellicle works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pellicle Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with &amp;sample photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with sample photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Creates %n generated photos carrying fake GPS positions and names in Pellicle&apos;s data folder, and uses them as the library.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one library folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an export folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making sample photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make the sample photos: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sample photos are ready. They carry fake GPS positions, camera serials and a made-up person&apos;s name, so you can see what Pellicle removes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the {field}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from {list}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a library folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderModel</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shareable below: {shareable} of %Ln photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>inherits shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inherits private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed: some photos shareable, some private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked private</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderTree</name>
    <message>
        <source>Library folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folders with their decision. Drop photos on a folder to give them that folder&apos;s decision.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantsUi</name>
    <message>
        <source>&amp;Apps and your library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sandboxed apps can read your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an application &amp;restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has its own permissions back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is restricted. Checked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications that open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it seeing the export folder, not your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with (restricted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only shared photos can be opened restricted: the application sees the export folder, not your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the exported copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the export keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this photo carries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a photo to see whether it is shared, why, and what it would reveal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Press &lt;b&gt;S&lt;/b&gt; to mark them all shareable, &lt;b&gt;P&lt;/b&gt; private, &lt;b&gt;U&lt;/b&gt; to clear their own marks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the export as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported copy&lt;/b&gt; (what apps see)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not exported yet; it appears after the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported copy&lt;/b&gt;: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not exported.&lt;/b&gt; Nothing of this photo leaves your computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this photo: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing identifying found besides the picture itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped reading: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search photos by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <source>no preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos in the library. S marks shareable, P private, U clears the mark.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pellicle settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;opaque names in the export (hide file names and dates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the capture date in exported copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Pellicle when I &amp;log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep syncing in the &amp;tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Pellicle starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export folder is the one folder to grant to AI and creative apps. Changing it withdraws every copy from the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>The new language applies the next time Pellicle starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those files are not in a library folder; add their folder as a library first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {names} to your library? Everything in it starts private.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Loading the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the export folder&apos;s path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the one folder to grant to AI and creative apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set up: choose a library in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Paused: {roots} offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln unknown file(s) in the export (left alone)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync except %Ln problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>In sync · watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{what}: %Ln file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder path copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message>
        <source>Select photos or folders first</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mark shareable: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark private: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear mark: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark dropped items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How should {what} be marked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pellicle: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still keeping the export folder in sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{message} (see pellicle --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your photo library private by default; export scrubbed copies of the photos you mark shareable to one folder you can grant to apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check this installation and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the library folders and the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a library folder (give it again for more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flat export names that reveal neither name nor date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export names that mirror the library&apos;s folders and names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the capture date in exported copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the capture date too (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark files or folders shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark files or folders private (returns once their copies are gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove the explicit rule (inherit again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decision for a path and the rule behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counts, export state, problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one reconcile; exit 0 when the export matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-read the export and the policy; 0 clean, 1 not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ledger: what was shared, when, and whether it still is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync, then follow changes until SIGINT/SIGTERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandboxed apps and what of the library each can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prove it inside each app&apos;s own sandbox (all apps, or those named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit apps to the export folder (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore exactly what the user had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every app Pellicle restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every installed app that can read the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>even if its override was changed by hand since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a program that sees the export, not the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session, or use a command such as: pellicle status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the desktop app cannot start: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library: {folders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is private until you mark it shareable (pellicle share PATH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported as: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library: {folder} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photos: {photos} ({shareable} shareable, {private} private); exported: {exported}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: {add} to add, {update} to update, {remove} to remove (run pellicle sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem: {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>not exported: %n shareable photo(s) (pellicle sync lists them)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not written by Pellicle (left alone): {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: cannot tell which apps can read your library: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the app {name} ({app}) can read your library (through: {through}); run: pellicle restrict {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not exported: {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused (library folder unreachable): {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: not in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>checked %n exported file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{checked}: clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checked}: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} {action} {copy} &lt;- {source}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{line} (still shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {done}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: {done}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can read your library (through: {through})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}; restricted by Pellicle, but its permissions changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sees only the export folder (and can write to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sees only the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read your library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} (restricted by Pellicle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}; {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}: no sandboxed apps to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Flatpak apps installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified: {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem: it sees the library although its permissions say it cannot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name apps or use --all, not both (see pellicle {command} --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the apps to restrict, or use --all (see: pellicle apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the apps to unrestrict, or use --all (see: pellicle apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no installed app can read your library; nothing to restrict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: restricted to the export folder (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified ({installation}): {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} can still see the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no app is restricted by Pellicle; nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: its permissions are back as they were before Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.checker</name>
    <message>
        <source>not written by Pellicle: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported but should not be: {path} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or out of date: {path} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staging folder {name} is left over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking exported copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>altered since export: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fails the export check: {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.decisions</name>
    <message>
        <source>it is a link to a file outside the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a link to {place}, and {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.engine</name>
    <message>
        <source>export folder moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rule is in force, but another Pellicle process is writing the export; it removes the affected copies itself (pellicle status shows when)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rule is in force, but {error}; the next sync that can will remove them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.exportdir</name>
    <message>
        <source>cannot open the export folder {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refusing unsafe export path {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} in the export folder is not a plain folder (a link or a file is in the way of {path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder stands where the copy {path} was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in the export folder: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} in the export folder is not a plain folder; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder is in the way of {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file Pellicle did not write is in the way of {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.exporter</name>
    <message>
        <source>its library folder was removed from Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the photo is gone from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be exported: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} exported copies that are no longer shareable could not be removed ({path}: {error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its library folder cannot be reached (a drive that is away?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.flatpak</name>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flatpak {command} did not finish in {seconds:.0f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run {program}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flatpak {command} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.formats</name>
    <message>
        <source>Photoshop document: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BMP image: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG XL photo: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG 2000 image: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>icon file: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigTIFF image: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format} file: not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.grants</name>
    <message>
        <source>Flatpak is not installed (no flatpak command on PATH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apps cannot be restricted on this system (no Flatpak; see docs/grants.md): give apps only the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} is not a Flatpak application id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot verify: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can see the library ({folders})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot see the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library: {states}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the export folder (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the export folder (and can write to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reads the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export folder: cannot tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{library}; {export} (checked with {tool})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its override file was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its override file was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no installed Flatpak app {app} (see: pellicle apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pellicle has no library folder yet; run: pellicle init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by hand since Pellicle restricted it, left as it is: {apps} (use --force to restrict it anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flatpak override wrote no override file for {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} was not restricted by Pellicle; nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: Pellicle&apos;s copy of the original override is unreadable ({error}); nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: Pellicle&apos;s copy of the original override was altered; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed by hand since Pellicle restricted it, left as it is: {apps} (use --force to restore the original anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its runtime is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its runtime ships none of {tools}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{group}] {key}: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its override was changed by hand ({changes})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formatting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.imaging</name>
    <message>
        <source>{what} {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid dimensions {width}x{height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image too large: {width}x{height} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image too large: {pixels} pixels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.index</name>
    <message>
        <source>scanning {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.inspect</name>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person in image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS latitude (XMP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS longitude (XMP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original document ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By-line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture, re-encoded as a high-quality JPEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its colours: the colour profile, or converted to sRGB (HDR toned down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture&apos;s pixels, untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the colour profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which way up it is displayed (orientation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capture date (you opted in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its EXIF block could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its XMP block could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its IPTC block could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its comment could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maker note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} bytes of vendor data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} GPS fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded thumbnail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a small copy of the photo inside its EXIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text ({key})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.library</name>
    <message>
        <source>Pellicle has no library yet; run: pellicle init --library DIR --export DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one --library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library folder {path} does not exist or is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library folders overlap: {first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} holds Pellicle&apos;s export folder {export}; a library folder must lie apart from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder {export} lies inside the library {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library {path} lies inside the export folder {export}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder {export} is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder {export} is a link; give the real folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export folder {export} is not writable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.lock</name>
    <message>
        <source>another Pellicle process is writing the export (waited {seconds:.0f} s); try again when it is done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.oserror</name>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no space left on device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file name too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device or resource busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale file handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such device or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.overview</name>
    <message>
        <source>{sentence} (not exported: {problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read this folder: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.plan</name>
    <message>
        <source>export name changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export options changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported copy was altered or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shareable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.policy</name>
    <message>
        <source>shareable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library folder {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing above it is marked, and photos are private by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be compared with {place}, which is marked private and is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be compared with {place}, which is marked private and cannot be read now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be compared with your private photos (it cannot be read); Pellicle tries again at every sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an exact copy of {place} (now missing), which is marked private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an exact copy of {place}, which is marked private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this photo is marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this photo is marked private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder is marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder is marked private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder {place} is marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder {place} is marked private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library folder {name} is marked shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>library folder {name} is marked private</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.reasons</name>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} needs more memory to decode than is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged {what}: part of it is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated {what}: the file ends before its image data does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable {what} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} uses a feature Pellicle cannot decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged {what}: its image data does not decode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.rules</name>
    <message>
        <source>{path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not inside a library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is hidden; Pellicle skips hidden files and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist and has no rule to clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a library root; only folders can hold rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.sandbox</name>
    <message>
        <source>no command to run (usage: pellicle run -- COMMAND [ARGS...])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pellicle run needs bubblewrap, which exists only on Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bubblewrap is not installed (no bwrap command on PATH); install it (Debian/Ubuntu: apt install bubblewrap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox could not be set up: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bwrap exited with {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox could not be set up, nothing was run: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such command: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start bwrap: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.scan</name>
    <message>
        <source>link to a file outside the library; links are not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read a file that is no photo by its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a recognisable image (its content does not match its name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.scrub</name>
    <message>
        <source>unsupported format: {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I/O error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file changed while being read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated {format}: {what} past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated {format}: data past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated GIF: no trailer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: bad signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: bad LZW code size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: too many frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: bad graphic control extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: unexpected block 0x{block:02X}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt GIF: no image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: inconsistent ICC profile chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: no start of image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X} before image data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: bad segment length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: too much header data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported JPEG coding (SOF 0x{marker:02X})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: more than one frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: short frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: bad frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: scan before frame header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X} between scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated JPEG: no end of image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: expected a marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt JPEG: run of fill bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: ICC profile too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: truncated ICC profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: bad signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: bad chunk header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated PNG: {chunk} chunk past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: IHDR is not first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: too many chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: bad iCCP chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: misplaced iCCP chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: bad IHDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: bad CRC in {chunk} chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported PNG: unknown critical chunk {chunk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt PNG: no image data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated RAW preview: {what} past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAW holds no image larger than a placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAW file of a kind LibRaw cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable RAW: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: bad IFD entry count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: tag values too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: tag {tag} has a non-integer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: missing tag {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a camera RAW file, not a plain TIFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported TIFF variant (BigTIFF or unknown byte order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported TIFF compression {compression}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: no image data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: strip offsets and byte counts disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated TIFF: image data past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt TIFF: unexpected value in tag {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported TIFF: too large for a classic TIFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable video: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video box too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boxes nested too deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box header cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box &apos;{box}&apos; has a size that does not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video has no video or audio track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunks of samples overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated video: samples lie outside the media data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many top-level boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated video: media data past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated video: movie box past end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fragmented video (moof): not exported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad file type box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one movie box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video movie box too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated video: no movie box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one movie header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no movie header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad movie header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad track header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad media header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad handler box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track without header or media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>media without handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad edit list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit list size does not match its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track media incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track without sample table or data reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad data reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video refers to media in another file: not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track without data reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted video: not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one &apos;{box}&apos; table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one chunk offset table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample table without &apos;{box}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample table without sizes or chunk offsets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample dependency table does not match the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sample description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported video codec &apos;{box}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short video sample description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported audio codec &apos;{box}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short audio sample description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad audio sample description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stray bytes in a sample description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad &apos;{box}&apos; table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown &apos;{box}&apos; version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sample size table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad compact sample size table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{box}&apos; table size does not match its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad &apos;{box}&apos; box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad colour box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad chunk offset table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk offset table size does not match its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sample-to-chunk table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample-to-chunk table names more samples than there are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample-to-chunk table does not match the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sample-to-group box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample-to-group size does not match its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample group description cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample group description size does not match its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: chunk header past end of container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated WebP: {chunk} chunk past end of container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: too many chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: bad VP8 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: bad VP8L header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: bad RIFF header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated WebP: file shorter than its RIFF size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: no chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: unknown layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: ICC profile too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: animation frame without image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: animation without frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt WebP: no single image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.store</name>
    <message>
        <source>the state database {path} is damaged ({error}); move it aside to start afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the state database {path} was written by a newer Pellicle (schema {version}, this one knows {known}); upgrade Pellicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the state database {path} is busy: another Pellicle process holds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the state database {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state database error in {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.sync</name>
    <message>
        <source>removed {path} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in the export folder {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since it was scanned; it will be exported on the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held back by the check of the exported copy: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot re-read the staged copy: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not staged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed while exporting; retried next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {path} from {source} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated {path} from {source} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format} animation too large: {frames} frames of {size} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error} ({path})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.thumbs</name>
    <message>
        <source>RAW without a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RAW preview in an unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no video decoder on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the video has no decodable frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core.watch</name>
    <message>
        <source>{name} must be a number of seconds, not {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching 1 library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching {count} library folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inotify watch limit is reached (raise fs.inotify.max_user_watches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file events are unavailable ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file events were lost (queue overflow); rescanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot follow a move: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not written by Pellicle (left alone): {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}, {failed} not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: offline (paused; its exported copies stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {why}; polling instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file events stopped working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
