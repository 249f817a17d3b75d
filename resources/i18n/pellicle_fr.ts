<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Pellicle</source>
        <translation>À propos de Pellicle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Keeps your photos private by default, and one export folder of cleaned copies of the photos you mark shareable.</source>
        <translation>Garde vos photos privées par défaut, et un seul dossier d’export de copies nettoyées des photos que vous marquez partageables.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later</source>
        <translation>Licence&#xa0;: GNU GPL (licence publique générale GNU), version 3 ou ultérieure</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Où sont vos données</translation>
    </message>
    <message>
        <source>Database (rules, index, share history)</source>
        <translation>Base d’état (règles, index, historique des partages)</translation>
    </message>
    <message>
        <source>Thumbnail cache (private to you)</source>
        <translation>Cache des vignettes (lisible par vous seul)</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Fichier des paramètres</translation>
    </message>
    <message>
        <source>Sample library</source>
        <translation>Photothèque d’exemple</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the path: {what}</source>
        <translation>Copier le chemin&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Pellicle never writes in your library folders, and sends nothing anywhere.</source>
        <translation>Pellicle n’écrit jamais dans les dossiers de votre photothèque, et n’envoie rien nulle part.</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>More tools</source>
        <translation>Plus d’outils</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Mark &amp;shareable</source>
        <translation>Marquer &amp;partageable</translation>
    </message>
    <message>
        <source>Mark the selected photos or folders shareable (S)</source>
        <translation>Marquer partageables les photos ou dossiers sélectionnés (S)</translation>
    </message>
    <message>
        <source>Mark &amp;private</source>
        <translation>Marquer pri&amp;vé</translation>
    </message>
    <message>
        <source>Mark the selected photos or folders private (P)</source>
        <translation>Marquer privés les photos ou dossiers sélectionnés (P)</translation>
    </message>
    <message>
        <source>&amp;Clear mark</source>
        <translation>Retirer la &amp;marque</translation>
    </message>
    <message>
        <source>Remove their own mark; they inherit again (U)</source>
        <translation>Retirer leur propre marque&#xa0;: ils héritent de nouveau de leur dossier (U)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynchroniser</translation>
    </message>
    <message>
        <source>Bring the export up to date</source>
        <translation>Mettre le dossier d’export à jour</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Library folders, export folder and options</source>
        <translation>Dossiers de la photothèque, dossier d’export et options</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Search photos by name</source>
        <translation>Chercher des photos par leur nom</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit Pellicle (syncing stops)</source>
        <translation>Quitter Pellicle (la synchronisation s’arrête)</translation>
    </message>
    <message>
        <source>&amp;All photos</source>
        <translation>&amp;Toutes les photos</translation>
    </message>
    <message>
        <source>Show the photos of every library folder</source>
        <translation>Afficher les photos de tous les dossiers de la photothèque</translation>
    </message>
    <message>
        <source>Share &amp;history</source>
        <translation>&amp;Historique des partages</translation>
    </message>
    <message>
        <source>What was shared when, and whether it still is</source>
        <translation>Ce qui a été partagé, quand, et si ça l’est encore</translation>
    </message>
    <message>
        <source>&amp;Large preview</source>
        <translation>A&amp;perçu en grand</translation>
    </message>
    <message>
        <source>See the current photo large (Space)</source>
        <translation>Voir la photo courante en grand (Espace)</translation>
    </message>
    <message>
        <source>Show &amp;inspector</source>
        <translation>Afficher l’&amp;inspecteur</translation>
    </message>
    <message>
        <source>Show or hide the inspector; it makes room for the photos on small screens</source>
        <translation>Afficher ou masquer l’inspecteur&#xa0;; il laisse la place aux photos sur les petits écrans</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>&amp;Agrandir les vignettes</translation>
    </message>
    <message>
        <source>Make the thumbnails larger (Ctrl++)</source>
        <translation>Afficher des vignettes plus grandes (Ctrl++)</translation>
    </message>
    <message>
        <source>S&amp;maller thumbnails</source>
        <translation>&amp;Réduire les vignettes</translation>
    </message>
    <message>
        <source>Make the thumbnails smaller (Ctrl+-)</source>
        <translation>Afficher des vignettes plus petites (Ctrl+-)</translation>
    </message>
    <message>
        <source>Sort by &amp;name</source>
        <translation>Trier par &amp;nom</translation>
    </message>
    <message>
        <source>Photos folder by folder, by file name</source>
        <translation>Les photos dossier par dossier, par nom de fichier</translation>
    </message>
    <message>
        <source>Sort by &amp;date taken</source>
        <translation>Trier par &amp;date de prise de vue</translation>
    </message>
    <message>
        <source>Newest photos first, under a header for each month</source>
        <translation>Les photos les plus récentes d’abord, sous un titre par mois</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Ouvrir le guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;What is shared?</source>
        <translation>&amp;Qu’est-ce qui est partagé&#xa0;?</translation>
    </message>
    <message>
        <source>What leaves your computer, in two lines</source>
        <translation>Ce qui quitte votre ordinateur, en deux lignes</translation>
    </message>
    <message>
        <source>&amp;About Pellicle</source>
        <translation>À &amp;propos de Pellicle</translation>
    </message>
    <message>
        <source>Version, licence and where your data lives</source>
        <translation>Version, licence et emplacement de vos données</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation>Marquer partageable</translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation>Marquer privé</translation>
    </message>
    <message>
        <source>Clear mark</source>
        <translation>Retirer la marque</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Afficher dans le gestionnaire de fichiers</translation>
    </message>
</context>
<context>
    <name>AppsDialog</name>
    <message>
        <source>Apps and your library</source>
        <translation>Les applications et votre photothèque</translation>
    </message>
    <message>
        <source>Sandboxed (Flatpak) apps should see only the export folder. Restricting an app removes every permission that reaches your library and lets it read the export folder; Undo puts back exactly what it had.</source>
        <translation>Les applications isolées dans un bac à sable (Flatpak) ne devraient voir que le dossier d’export. Restreindre une application lui retire toute permission qui atteint votre photothèque et lui permet de lire le dossier d’export&#xa0;; « Annuler » lui rend exactement ce qu’elle avait.</translation>
    </message>
    <message>
        <source>Sandboxed apps</source>
        <translation>Applications dans un bac à sable</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Check inside the sandboxes</source>
        <translation>Vérifier dans les bacs à sable</translation>
    </message>
    <message>
        <source>Run a tiny command in each app&apos;s own sandbox to see what it really reads</source>
        <translation>Lancer une petite commande dans le bac à sable de chaque application pour voir ce qu’elle lit vraiment</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Looking at the installed apps…</source>
        <translation>Examen des applications installées…</translation>
    </message>
    <message>
        <source>There are no sandboxed apps: %1.</source>
        <translation>Aucune application dans un bac à sable&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No Flatpak apps are installed.</source>
        <translation>Aucune application Flatpak n’est installée.</translation>
    </message>
    <message>
        <source>1 app can read your library.</source>
        <translation>1 application peut lire votre photothèque.</translation>
    </message>
    <message numerus="yes">
        <source>%n apps can read your library.</source>
        <translation>
            <numerusform>%n application peut lire votre photothèque.</numerusform>
            <numerusform>%n applications peuvent lire votre photothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>No installed app can read your library.</source>
        <translation>Aucune application installée ne peut lire votre photothèque.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Give it back exactly the permissions it had</source>
        <translation>Lui rendre exactement les permissions qu’elle avait</translation>
    </message>
    <message>
        <source>Restrict again</source>
        <translation>Restreindre de nouveau</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Restreindre</translation>
    </message>
    <message>
        <source>It cannot read your library</source>
        <translation>Elle ne peut pas lire votre photothèque</translation>
    </message>
    <message>
        <source>Changed by hand</source>
        <translation>Modifiée à la main</translation>
    </message>
    <message>
        <source>%1

Go on and overwrite that change?</source>
        <translation>%1

Continuer et écraser cette modification&#xa0;?</translation>
    </message>
    <message>
        <source>Giving %1 back its permissions…</source>
        <translation>Restitution de ses permissions à %1…</translation>
    </message>
    <message>
        <source>Restricting %1 to the export folder…</source>
        <translation>Restriction de %1 au dossier d’export…</translation>
    </message>
    <message>
        <source>Checking inside each app&apos;s sandbox…</source>
        <translation>Vérification dans le bac à sable de chaque application…</translation>
    </message>
    <message>
        <source>Checked: 1 app can see your library.</source>
        <translation>Vérifié&#xa0;: 1 application peut voir votre photothèque.</translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n apps can see your library.</source>
        <translation>
            <numerusform>Vérifié&#xa0;: %n application peut voir votre photothèque.</numerusform>
            <numerusform>Vérifié&#xa0;: %n applications peuvent voir votre photothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: no app can see your library.</source>
        <translation>Vérifié&#xa0;: aucune application ne peut voir votre photothèque.</translation>
    </message>
</context>
<context>
    <name>AppsModel</name>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>What it can read</source>
        <translation>Ce qu’elle peut lire</translation>
    </message>
    <message>
        <source>Checked in its sandbox</source>
        <translation>Vérifié dans son bac à sable</translation>
    </message>
    <message>
        <source>Can read your library (through: %1)</source>
        <translation>Peut lire votre photothèque (par&#xa0;: %1)</translation>
    </message>
    <message>
        <source>— its permissions changed since it was restricted</source>
        <translation>— ses permissions ont changé depuis sa restriction</translation>
    </message>
    <message>
        <source>Sees only the export folder</source>
        <translation>Ne voit que le dossier d’export</translation>
    </message>
    <message>
        <source>Cannot read your library</source>
        <translation>Ne peut pas lire votre photothèque</translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Vérification impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>sees the library</source>
        <translation>voit la photothèque</translation>
    </message>
    <message>
        <source>library hidden</source>
        <translation>photothèque cachée</translation>
    </message>
    <message>
        <source>library: cannot tell</source>
        <translation>photothèque&#xa0;: impossible à dire</translation>
    </message>
    <message>
        <source>reads the export</source>
        <translation>lit l’export</translation>
    </message>
    <message>
        <source>reads and writes the export</source>
        <translation>lit et écrit dans l’export</translation>
    </message>
    <message>
        <source>no export</source>
        <translation>pas d’export</translation>
    </message>
    <message>
        <source>export empty</source>
        <translation>export vide</translation>
    </message>
    <message>
        <source>export: cannot tell</source>
        <translation>export&#xa0;: impossible à dire</translation>
    </message>
</context>
<context>
    <name>Arrangement</name>
    <message>
        <source>Reading the dates photos were taken: {done} of {total}</source>
        <translation>Lecture des dates de prise de vue&#xa0;: {done} sur {total}</translation>
    </message>
</context>
<context>
    <name>Badge</name>
    <message>
        <source>Shareable</source>
        <translation>Partageable</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Private copy</source>
        <translation>Copie privée</translation>
    </message>
    <message>
        <source>Not exportable</source>
        <translation>Non exportable</translation>
    </message>
    <message>
        <source>inherited</source>
        <translation>hérité</translation>
    </message>
    <message>
        <source>shareable (inherited)</source>
        <translation>partageable (hérité)</translation>
    </message>
    <message>
        <source>private (inherited)</source>
        <translation>privé (hérité)</translation>
    </message>
    <message>
        <source>shareable</source>
        <translation>partageable</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privé</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Apps that can read your library</source>
        <translation>Applications qui peuvent lire votre photothèque</translation>
    </message>
    <message>
        <source>Review apps…</source>
        <translation>Examiner les applications…</translation>
    </message>
    <message>
        <source>1 app can read your whole library: %1</source>
        <translation>1 application peut lire toute votre photothèque&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n apps can read your whole library: %1</source>
        <translation>
            <numerusform>%n application peut lire toute votre photothèque&#xa0;: %1</numerusform>
            <numerusform>%n applications peuvent lire toute votre photothèque&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropTarget</name>
    <message>
        <source>Shareable</source>
        <translation>Partageable</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>drop photos or folders here</source>
        <translation>déposez ici des photos ou des dossiers</translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation>Marquer partageable</translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation>Marquer privé</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or press Enter, to mark the selection shareable.</source>
        <translation>Déposez ici des photos ou des dossiers, ou appuyez sur Entrée, pour marquer la sélection partageable.</translation>
    </message>
    <message>
        <source>Drop photos or folders here, or press Enter, to mark the selection private.</source>
        <translation>Déposez ici des photos ou des dossiers, ou appuyez sur Entrée, pour marquer la sélection privée.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Everything in your library starts private: nothing leaves your computer until you say so.</source>
        <translation>Tout ce qui est dans votre photothèque est d’abord privé&#xa0;: rien ne quitte votre ordinateur sans votre accord.</translation>
    </message>
    <message>
        <source>Mark photos or folders shareable, and Pellicle keeps one export folder holding cleaned copies of just those photos, without location, camera serials, names or dates.</source>
        <translation>Marquez des photos ou des dossiers comme partageables&#xa0;: Pellicle tient un dossier d’export qui ne contient que des copies nettoyées de ces photos, sans lieu, sans numéros de série d’appareil, sans noms ni dates.</translation>
    </message>
    <message>
        <source>That export folder is the one thing you grant to AI and creative apps; make a photo private again and its copy disappears from it.</source>
        <translation>Ce dossier d’export est la seule chose que vous ouvrez aux applications d’IA et de création&#xa0;; rendez une photo privée et sa copie en disparaît.</translation>
    </message>
    <message>
        <source>Welcome to Pellicle</source>
        <translation>Bienvenue dans Pellicle</translation>
    </message>
    <message>
        <source>How Pellicle works</source>
        <translation>Comment fonctionne Pellicle</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Dossiers de la photothèque</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d’export</translation>
    </message>
    <message>
        <source>Pellicle Export</source>
        <translation>Export Pellicle</translation>
    </message>
    <message>
        <source>Try with &amp;sample photos</source>
        <translation>Essayer avec des photos d’e&amp;xemple</translation>
    </message>
    <message>
        <source>Try with sample photos</source>
        <translation>Essayer avec des photos d’exemple</translation>
    </message>
    <message numerus="yes">
        <source>Creates %n generated photos carrying fake GPS positions and names in Pellicle&apos;s data folder, and uses them as the library.</source>
        <translation>
            <numerusform>Crée %n photo générée, avec de fausses positions GPS et de faux noms, dans le dossier de données de Pellicle, et s’en sert comme photothèque.</numerusform>
            <numerusform>Crée %n photos générées, avec de fausses positions GPS et de faux noms, dans le dossier de données de Pellicle, et s’en sert comme photothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>&amp;Library folders:</source>
        <translation>Dossiers de la &amp;photothèque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation>Dossier d’&amp;export&#xa0;:</translation>
    </message>
    <message>
        <source>Add at least one library folder.</source>
        <translation>Ajoutez au moins un dossier de photothèque.</translation>
    </message>
    <message>
        <source>Choose an export folder.</source>
        <translation>Choisissez un dossier d’export.</translation>
    </message>
    <message>
        <source>Making sample photos…</source>
        <translation>Création des photos d’exemple…</translation>
    </message>
    <message>
        <source>Could not make the sample photos: {error}</source>
        <translation>Impossible de créer les photos d’exemple&#xa0;: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n sample photos are ready. They carry fake GPS positions, camera serials and a made-up person&apos;s name, so you can see what Pellicle removes.</source>
        <translation>
            <numerusform>%n photo d’exemple est prête. Elle porte de fausses positions GPS, des numéros de série d’appareil et le nom d’une personne inventée&#xa0;: vous verrez ce que Pellicle retire.</numerusform>
            <numerusform>%n photos d’exemple sont prêtes. Elles portent de fausses positions GPS, des numéros de série d’appareil et le nom d’une personne inventée&#xa0;: vous verrez ce que Pellicle retire.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderBadge</name>
    <message>
        <source>Shareable</source>
        <translation>Partageable</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
</context>
<context>
    <name>FolderDelegate</name>
    <message numerus="yes">
        <source>+%Ln private</source>
        <translation>
            <numerusform>+%Ln privée</numerusform>
            <numerusform>+%Ln privées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private inside</source>
        <translation>
            <numerusform>contient %Ln privée</numerusform>
            <numerusform>contient %Ln privées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln shareable</source>
        <translation>
            <numerusform>+%Ln partageable</numerusform>
            <numerusform>+%Ln partageables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable inside</source>
        <translation>
            <numerusform>contient %Ln partageable</numerusform>
            <numerusform>contient %Ln partageables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderDrop</name>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (shareable)?</source>
        <translation>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à %n photo la règle de «&#xa0;{folder}&#xa0;» (partageable)&#xa0;?</numerusform>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à ces %n photos la règle de «&#xa0;{folder}&#xa0;» (partageable)&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (private)?</source>
        <translation>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à %n photo la règle de «&#xa0;{folder}&#xa0;» (privé)&#xa0;?</numerusform>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à ces %n photos la règle de «&#xa0;{folder}&#xa0;» (privé)&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (shareable)?</source>
        <translation>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à %n élément la règle de «&#xa0;{folder}&#xa0;» (partageable)&#xa0;?</numerusform>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à ces %n éléments la règle de «&#xa0;{folder}&#xa0;» (partageable)&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (private)?</source>
        <translation>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à %n élément la règle de «&#xa0;{folder}&#xa0;» (privé)&#xa0;?</numerusform>
            <numerusform>Pellicle ne déplace jamais les photos. Donner à ces %n éléments la règle de «&#xa0;{folder}&#xa0;» (privé)&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop onto a folder</source>
        <translation>Déposer sur un dossier</translation>
    </message>
    <message>
        <source>They stay where they are. Each gets a rule of its own, which it keeps even if the folder&apos;s rule changes later. Undo (Ctrl+Z) takes it back.</source>
        <translation>Rien n’est déplacé. Chaque élément reçoit sa propre règle, qu’il garde même si celle du dossier change plus tard. Vous pourrez revenir en arrière avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>Ne plus &amp;demander</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the {field}</source>
        <translation>Choisir le {field}</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>Add to {list}</source>
        <translation>Ajouter aux {list}</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove from {list}</source>
        <translation>Retirer des {list}</translation>
    </message>
    <message>
        <source>Choose a library folder</source>
        <translation>Choisir un dossier de photothèque</translation>
    </message>
</context>
<context>
    <name>FolderModel</name>
    <message>
        <source>Library</source>
        <translation>Photothèque</translation>
    </message>
    <message numerus="yes">
        <source>Shareable below: {shareable} of %Ln photo(s)</source>
        <translation>
            <numerusform>Partageables à l’intérieur&#xa0;: {shareable} sur %Ln photo</numerusform>
            <numerusform>Partageables à l’intérieur&#xa0;: {shareable} sur %Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private photo(s) inside</source>
        <translation>
            <numerusform>%Ln photo privée à l’intérieur</numerusform>
            <numerusform>%Ln photos privées à l’intérieur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable photo(s) inside</source>
        <translation>
            <numerusform>%Ln photo partageable à l’intérieur</numerusform>
            <numerusform>%Ln photos partageables à l’intérieur</numerusform>
        </translation>
    </message>
    <message>
        <source>inherits shareable</source>
        <translation>hérite de partageable</translation>
    </message>
    <message>
        <source>inherits private</source>
        <translation>hérite de privé</translation>
    </message>
    <message>
        <source>marked shareable</source>
        <translation>marqué partageable</translation>
    </message>
    <message>
        <source>marked private</source>
        <translation>marqué privé</translation>
    </message>
</context>
<context>
    <name>FolderTree</name>
    <message>
        <source>Library folders</source>
        <translation>Dossiers de la photothèque</translation>
    </message>
    <message>
        <source>Library folders with their decision. Drop photos on a folder to give them that folder&apos;s decision.</source>
        <translation>Les dossiers de la photothèque et leur décision. Déposez des photos sur un dossier pour leur donner la décision de ce dossier.</translation>
    </message>
</context>
<context>
    <name>GrantsUi</name>
    <message>
        <source>&amp;Apps and your library…</source>
        <translation>Les &amp;applications et votre photothèque…</translation>
    </message>
    <message>
        <source>Which sandboxed apps can read your library</source>
        <translation>Quelles applications en bac à sable peuvent lire votre photothèque</translation>
    </message>
    <message>
        <source>&amp;Apps</source>
        <translation>Appli&amp;cations</translation>
    </message>
    <message>
        <source>Open an application &amp;restricted</source>
        <translation>Ouvrir une application &amp;restreinte</translation>
    </message>
    <message>
        <source>%1 has its own permissions back.</source>
        <translation>%1 a retrouvé ses propres permissions.</translation>
    </message>
    <message>
        <source>%1 is restricted. Checked: %2</source>
        <translation>%1 est restreinte. Vérifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>No applications that open images</source>
        <translation>Aucune application qui ouvre des images</translation>
    </message>
    <message>
        <source>Start it seeing the export folder, not your library</source>
        <translation>La lancer en ne lui montrant que le dossier d’export, pas votre photothèque</translation>
    </message>
    <message>
        <source>Open with (restricted)</source>
        <translation>Ouvrir avec (restreinte)</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>Non partagée</translation>
    </message>
    <message>
        <source>Only shared photos can be opened restricted: the application sees the export folder, not your library.</source>
        <translation>Seules les photos partagées peuvent s’ouvrir en mode restreint&#xa0;: l’application voit le dossier d’export, pas votre photothèque.</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>Impossible de lancer %1.</translation>
    </message>
    <message>
        <source>Pellicle</source>
        <translation>Pellicle</translation>
    </message>
</context>
<context>
    <name>GridHeader</name>
    <message>
        <source>All photos</source>
        <translation>Toutes les photos</translation>
    </message>
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
            <numerusform>%Ln partageable</numerusform>
            <numerusform>%Ln partageables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln affichée</numerusform>
            <numerusform>%Ln affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing {name}</source>
        <translation>Affiché&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Pellicle user guide</source>
        <translation>Guide de l’utilisateur de Pellicle</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Le guide de l’utilisateur manque dans cette installation.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Only the photos you mark shareable are shared, as cleaned copies, in the one export folder.</source>
        <translation>Seules les photos que vous marquez partageables sont partagées, en copies nettoyées, dans le seul dossier d’export.</translation>
    </message>
    <message>
        <source>Everything else stays private, on your computer.</source>
        <translation>Tout le reste demeure privé, sur votre ordinateur.</translation>
    </message>
    <message>
        <source>What is shared?</source>
        <translation>Qu’est-ce qui est partagé&#xa0;?</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>From {folder}</source>
        <translation>Depuis {folder}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln withdrawn</source>
        <translation>
            <numerusform>%Ln retirée</numerusform>
            <numerusform>%Ln retirées</numerusform>
        </translation>
    </message>
    <message>
        <source>None still shared</source>
        <translation>Plus aucune partagée</translation>
    </message>
    <message>
        <source>Named before: {name}</source>
        <translation>Nom précédent&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Pourquoi&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <comment>a photo</comment>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Still shared</source>
        <comment>a photo</comment>
        <translation>Toujours partagée</translation>
    </message>
    <message>
        <source>No longer shared</source>
        <comment>a photo</comment>
        <translation>Plus partagée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln still shared</source>
        <translation>
            <numerusform>%Ln toujours partagée</numerusform>
            <numerusform>%Ln toujours partagées</numerusform>
        </translation>
    </message>
    <message>
        <source>In the export as: {name}</source>
        <translation>Dans l’export sous le nom&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search the history by photo name, path or action</source>
        <translation>Chercher par nom ou chemin de photo, ou par action</translation>
    </message>
    <message>
        <source>Search the share history</source>
        <translation>Chercher dans l’historique des partages</translation>
    </message>
    <message>
        <source>Share history</source>
        <translation>Historique des partages</translation>
    </message>
    <message>
        <source>Nothing in the history matches this search.</source>
        <translation>Rien dans l’historique ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>Nothing has been shared yet. Photos you mark shareable are listed here once their copies are in the export folder.</source>
        <translation>Rien n’a encore été partagé. Les photos que vous marquez partageables apparaissent ici dès que leurs copies sont dans le dossier d’export.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>None still shared</source>
        <translation>Plus aucune partagée</translation>
    </message>
    <message numerus="yes">
        <source>%Ln still shared</source>
        <translation>
            <numerusform>%Ln toujours partagée</numerusform>
            <numerusform>%Ln toujours partagées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Exported copy</source>
        <translation>Copie exportée</translation>
    </message>
    <message>
        <source>Preview of the exported copy</source>
        <translation>Aperçu de la copie exportée</translation>
    </message>
    <message>
        <source>What this photo carries</source>
        <translation>Ce que cette photo contient</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Select a photo to see whether it is shared, why, and what it would reveal.</source>
        <translation>Sélectionnez une photo pour voir si elle est partagée, pourquoi, et ce qu’elle révélerait.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) selected</source>
        <translation>
            <numerusform>%Ln photo sélectionnée</numerusform>
            <numerusform>%Ln photos sélectionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shareable</source>
        <translation>
            <numerusform>%Ln partageable</numerusform>
            <numerusform>%Ln partageables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation>
            <numerusform>%Ln privée</numerusform>
            <numerusform>%Ln privées</numerusform>
        </translation>
    </message>
    <message>
        <source>Press &lt;b&gt;S&lt;/b&gt; to mark them all shareable, &lt;b&gt;P&lt;/b&gt; private, &lt;b&gt;U&lt;/b&gt; to clear their own marks.</source>
        <translation>Appuyez sur &lt;b&gt;S&lt;/b&gt; pour toutes les marquer partageables, &lt;b&gt;P&lt;/b&gt; privées, &lt;b&gt;U&lt;/b&gt; pour retirer leurs propres marques.</translation>
    </message>
    <message>
        <source>In the export as {path}</source>
        <translation>Dans l’export sous le nom {path}</translation>
    </message>
    <message>
        <source>nothing else</source>
        <translation>rien d’autre</translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported copy&lt;/b&gt; (what apps see)</source>
        <translation>&lt;b&gt;La copie exportée&lt;/b&gt; (ce que voient les applications)</translation>
    </message>
    <message>
        <source>What the copy removes and keeps</source>
        <translation>Ce que la copie retire et conserve</translation>
    </message>
    <message>
        <source>not exported yet; it appears after the next sync</source>
        <translation>pas encore exportée&#xa0;; elle apparaîtra après la prochaine synchronisation</translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported copy&lt;/b&gt;: {reason}</source>
        <translation>&lt;b&gt;La copie exportée&lt;/b&gt;&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not exported.&lt;/b&gt; Nothing of this photo leaves your computer.</source>
        <translation>&lt;b&gt;Non exportée.&lt;/b&gt; Rien de cette photo ne quitte votre ordinateur.</translation>
    </message>
    <message>
        <source>Could not read this photo: {error}</source>
        <translation>Impossible de lire cette photo&#xa0;: {error}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Removed from the copy:&lt;/b&gt; {items}</source>
        <translation>&lt;b&gt;Retiré de la copie&#xa0;:&lt;/b&gt; {items}</translation>
    </message>
    <message>
        <source>Nothing identifying to remove besides the picture itself.</source>
        <translation>Rien d’identifiant à retirer en dehors de l’image elle-même.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept:&lt;/b&gt; {items}</source>
        <translation>&lt;b&gt;Conservé&#xa0;:&lt;/b&gt; {items}</translation>
    </message>
    <message>
        <source>Nothing identifying found besides the picture itself.</source>
        <translation>Rien d’identifiant, à part l’image elle-même.</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Stopped reading: {error}</source>
        <translation>Lecture interrompue&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tagging</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Toutes les photos</translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation>Partageables</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privées</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affiche&amp;r&#xa0;:</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Chercher par nom</translation>
    </message>
    <message>
        <source>Search photos by name</source>
        <translation>Chercher des photos par leur nom</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>&amp;Photos</translation>
    </message>
    <message>
        <source>Share histor&amp;y</source>
        <translation>&amp;Historique des partages</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Cannot open the folder</source>
        <translation>Impossible d’ouvrir le dossier</translation>
    </message>
    <message>
        <source>No file manager is set up to open folders here.</source>
        <translation>Aucun gestionnaire de fichiers n’est configuré pour ouvrir les dossiers sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The folder is:
{path}

Copy its path and open it in the application you use.</source>
        <translation>Le dossier est&#xa0;:
{path}

Copiez son chemin et ouvrez-le dans l’application que vous utilisez.</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>Copy the folder&apos;s path</source>
        <translation>Copier le chemin du dossier</translation>
    </message>
</context>
<context>
    <name>PhotoDelegate</name>
    <message>
        <source>no preview</source>
        <translation>pas d’aperçu</translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Photos in the library. S marks shareable, P private, U clears the mark.</source>
        <translation>Les photos de la photothèque. S les marque partageables, P privées, U retire la marque.</translation>
    </message>
</context>
<context>
    <name>PhotoModel</name>
    <message>
        <source>Own rule — {sentence}</source>
        <translation>Sa propre règle — {sentence}</translation>
    </message>
    <message>
        <source>Inherited — {sentence}</source>
        <translation>Héritée — {sentence}</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <source>Large preview</source>
        <translation>Aperçu en grand</translation>
    </message>
    <message>
        <source>Left and Right: previous and next photo. C: compare with the exported copy. Esc: back to the photos.</source>
        <translation>Gauche et Droite&#xa0;: photo précédente et suivante. C&#xa0;: comparer avec la copie exportée. Échap&#xa0;: retour aux photos.</translation>
    </message>
    <message>
        <source>◀ P&amp;revious</source>
        <translation>◀ P&amp;récédente</translation>
    </message>
    <message>
        <source>Previous photo (Left)</source>
        <translation>Photo précédente (Gauche)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivante ▶</translation>
    </message>
    <message>
        <source>Next photo (Right)</source>
        <translation>Photo suivante (Droite)</translation>
    </message>
    <message>
        <source>Photo and decision</source>
        <translation>Photo et décision</translation>
    </message>
    <message>
        <source>&amp;Compare with the exported copy</source>
        <translation>&amp;Comparer avec la copie exportée</translation>
    </message>
    <message>
        <source>Show the copy apps get beside the original (C)</source>
        <translation>Afficher la copie que reçoivent les applications à côté de l’original (C)</translation>
    </message>
    <message>
        <source>&amp;Back to photos</source>
        <translation>Re&amp;tour aux photos</translation>
    </message>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Retour aux photos (Échap)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The original&lt;/b&gt; (stays on this computer)</source>
        <translation>&lt;b&gt;L’original&lt;/b&gt; (reste sur cet ordinateur)</translation>
    </message>
    <message>
        <source>The original</source>
        <translation>L’original</translation>
    </message>
    <message>
        <source>&lt;b&gt;The exported copy&lt;/b&gt; (what apps see)</source>
        <translation>&lt;b&gt;La copie exportée&lt;/b&gt; (ce que voient les applications)</translation>
    </message>
    <message>
        <source>The exported copy</source>
        <translation>La copie exportée</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Not in the export: this photo is private.</source>
        <translation>Absente de l’export&#xa0;: cette photo est privée.</translation>
    </message>
    <message>
        <source>it cannot be exported</source>
        <translation>elle ne peut pas être exportée</translation>
    </message>
    <message>
        <source>Not in the export: {reason}</source>
        <translation>Absente de l’export&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not exported yet: it appears after the next sync.</source>
        <translation>Pas encore exportée&#xa0;: elle apparaîtra après la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Cannot find the exported copy: {reason}</source>
        <translation>Impossible de trouver la copie exportée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>Cannot show the exported copy: {reason}</source>
        <translation>Impossible d’afficher la copie exportée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot show this photo: {reason}</source>
        <translation>Impossible d’afficher cette photo&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>A video: its first frame is shown.</source>
        <translation>Une vidéo&#xa0;: sa première image est affichée.</translation>
    </message>
    <message>
        <source>A RAW file: the preview its camera embedded is shown.</source>
        <translation>Un fichier RAW&#xa0;: l’aperçu intégré par l’appareil photo est affiché.</translation>
    </message>
    <message>
        <source>{position} of {count}</source>
        <translation>{position} sur {count}</translation>
    </message>
    <message>
        <source>no longer in the grid</source>
        <translation>n’est plus dans la grille</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pellicle settings</source>
        <translation>Paramètres de Pellicle</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Dossiers de la photothèque</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d’export</translation>
    </message>
    <message>
        <source>Use &amp;opaque names in the export (hide file names and dates)</source>
        <translation>Utiliser des noms &amp;opaques dans l’export (masquer les noms de fichiers et les dates)</translation>
    </message>
    <message>
        <source>&amp;Keep the capture date in exported copies</source>
        <translation>&amp;Conserver la date de prise de vue dans les copies exportées</translation>
    </message>
    <message>
        <source>Start Pellicle when I &amp;log in</source>
        <translation>Lancer Pellicle à l’ouverture de ma &amp;session</translation>
    </message>
    <message>
        <source>Keep syncing in the &amp;tray when the window is closed</source>
        <translation>Continuer la synchronisation dans la zone de &amp;notification quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Langue du système ({language})</translation>
    </message>
    <message>
        <source>A new language applies the next time Pellicle starts.</source>
        <translation>Une nouvelle langue s’applique au prochain lancement de Pellicle.</translation>
    </message>
    <message>
        <source>The export folder is the one folder to grant to AI and creative apps. Changing it withdraws every copy from the old one.</source>
        <translation>Le dossier d’export est le seul dossier à ouvrir aux applications d’IA et de création. Le changer retire toutes les copies de l’ancien.</translation>
    </message>
    <message>
        <source>&amp;Library folders:</source>
        <translation>Dossiers de la &amp;photothèque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation>Dossier d’&amp;export&#xa0;:</translation>
    </message>
    <message>
        <source>Export names:</source>
        <translation>Noms dans l’export&#xa0;:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates&#xa0;:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Session&#xa0;:</translation>
    </message>
    <message>
        <source>Tray:</source>
        <translation>Notification&#xa0;:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>The new language applies the next time Pellicle starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain lancement de Pellicle.</translation>
    </message>
    <message>
        <source>Those files are not in a library folder; add their folder as a library first.</source>
        <translation>Ces fichiers ne sont dans aucun dossier de la photothèque&#xa0;; ajoutez d’abord leur dossier à la photothèque.</translation>
    </message>
    <message>
        <source>Add library folder</source>
        <translation>Ajouter un dossier à la photothèque</translation>
    </message>
    <message>
        <source>Add {names} to your library? Everything in it starts private.</source>
        <translation>Ajouter {names} à votre photothèque&#xa0;? Tout ce qu’il contient sera d’abord privé.</translation>
    </message>
</context>
<context>
    <name>SizeSlider</name>
    <message>
        <source>Thumbnail size</source>
        <translation>Taille des vignettes</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl++ larger, Ctrl+- smaller)</source>
        <translation>Taille des vignettes (Ctrl++ plus grandes, Ctrl+- plus petites)</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Loading the library…</source>
        <translation>Chargement de la photothèque…</translation>
    </message>
    <message>
        <source>Photo counts</source>
        <translation>Nombre de photos</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Avancement de la synchronisation</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d’export</translation>
    </message>
    <message>
        <source>About the export folder</source>
        <translation>À propos du dossier d’export</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the export folder</source>
        <translation>Ouvrir le dossier d’export</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copier le chemin</translation>
    </message>
    <message>
        <source>Copy the export folder&apos;s path</source>
        <translation>Copier le chemin du dossier d’export</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export&#xa0;:</translation>
    </message>
    <message>
        <source>What is shared?</source>
        <translation>Qu’est-ce qui est partagé&#xa0;?</translation>
    </message>
    <message>
        <source>This is the one folder to grant to AI and creative apps.</source>
        <translation>Le seul dossier à ouvrir aux applications d’IA.</translation>
    </message>
    <message>
        <source>Not set up: choose a library in Settings</source>
        <translation>Pas encore configuré&#xa0;: choisissez une photothèque dans les paramètres</translation>
    </message>
    <message>
        <source>No library yet</source>
        <translation>Pas encore de photothèque</translation>
    </message>
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
            <numerusform>%Ln partageable</numerusform>
            <numerusform>%Ln partageables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln private</source>
        <translation>
            <numerusform>%Ln privée</numerusform>
            <numerusform>%Ln privées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln exported</source>
        <translation>
            <numerusform>%Ln exportée</numerusform>
            <numerusform>%Ln exportées</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused: {roots} offline</source>
        <translation>En pause&#xa0;: {roots} hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unknown file(s) in the export (left alone)</source>
        <translation>
            <numerusform>%Ln fichier inconnu dans l’export (laissé tel quel)</numerusform>
            <numerusform>%Ln fichiers inconnus dans l’export (laissés tels quels)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync except %Ln problem(s)</source>
        <translation>
            <numerusform>À jour, sauf %Ln problème</numerusform>
            <numerusform>À jour, sauf %Ln problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s)</source>
        <translation>
            <numerusform>%Ln problème</numerusform>
            <numerusform>%Ln problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>In sync · watching</source>
        <translation>À jour · surveillance active</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>À jour</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln modification en attente de synchronisation</numerusform>
            <numerusform>%Ln modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Exporting {done} of {total}</source>
        <translation>Export&#xa0;: {done} sur {total}</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}&#xa0;: {done} sur {total}</translation>
    </message>
    <message numerus="yes">
        <source>{what}: %Ln file(s)</source>
        <translation>
            <numerusform>{what}&#xa0;: %Ln fichier</numerusform>
            <numerusform>{what}&#xa0;: %Ln fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>La synchronisation a échoué</translation>
    </message>
    <message>
        <source>Export folder path copied</source>
        <translation>Chemin du dossier d’export copié</translation>
    </message>
</context>
<context>
    <name>Tagging</name>
    <message>
        <source>Select photos or folders first</source>
        <translation>Sélectionnez d’abord des photos ou des dossiers</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark shareable: {what}</source>
        <translation>Marquer partageable&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Mark private: {what}</source>
        <translation>Marquer privé&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Clear mark: {what}</source>
        <translation>Retirer la marque&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Mark dropped items</source>
        <translation>Marquer les éléments déposés</translation>
    </message>
    <message>
        <source>How should {what} be marked?</source>
        <translation>Comment marquer {what}&#xa0;?</translation>
    </message>
    <message>
        <source>Mark shareable</source>
        <translation>Marquer partageable</translation>
    </message>
    <message>
        <source>Mark private</source>
        <translation>Marquer privé</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Pellicle</source>
        <translation>Afficher Pellicle</translation>
    </message>
    <message>
        <source>Pellicle</source>
        <translation>Pellicle</translation>
    </message>
    <message>
        <source>Pellicle: {state}</source>
        <translation>Pellicle&#xa0;: {state}</translation>
    </message>
    <message>
        <source>Still keeping the export folder in sync.</source>
        <translation>Pellicle continue de tenir le dossier d’export à jour.</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>interdit avec l’argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argument explicite ignoré&#xa0;: %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>ces arguments sont obligatoires&#xa0;: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l’un de ces arguments est obligatoire&#xa0;: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument est attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>un argument au plus est attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument est attendu</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s pourrait désigner %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>option inattendue&#xa0;: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: %(value)r (choisir parmi %(choices)s)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{message} (see pellicle --help)</source>
        <translation>{message} (voir pellicle --help)</translation>
    </message>
    <message>
        <source>Keep your photo library private by default; export scrubbed copies of the photos you mark shareable to one folder you can grant to apps.</source>
        <translation>Gardez votre photothèque privée par défaut&#xa0;; exportez des copies nettoyées des photos que vous marquez partageables, dans un seul dossier que vous pouvez ouvrir aux applications.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>afficher la version et quitter</translation>
    </message>
    <message>
        <source>check this installation and exit</source>
        <translation>vérifier cette installation et quitter</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>COMMANDE</translation>
    </message>
    <message>
        <source>choose the library folders and the export folder</source>
        <translation>choisir les dossiers de la photothèque et le dossier d’export</translation>
    </message>
    <message>
        <source>a library folder (give it again for more)</source>
        <translation>un dossier de la photothèque (répéter l’option pour en donner plusieurs)</translation>
    </message>
    <message>
        <source>the export folder</source>
        <translation>le dossier d’export</translation>
    </message>
    <message>
        <source>flat export names that reveal neither name nor date</source>
        <translation>des noms à plat dans l’export, qui ne révèlent ni nom ni date</translation>
    </message>
    <message>
        <source>export names that mirror the library&apos;s folders and names</source>
        <translation>des noms dans l’export qui reprennent les dossiers et les noms de la photothèque</translation>
    </message>
    <message>
        <source>keep the capture date in exported copies</source>
        <translation>conserver la date de prise de vue dans les copies exportées</translation>
    </message>
    <message>
        <source>remove the capture date too (the default)</source>
        <translation>retirer aussi la date de prise de vue (par défaut)</translation>
    </message>
    <message>
        <source>mark files or folders shareable</source>
        <translation>marquer des fichiers ou des dossiers partageables</translation>
    </message>
    <message>
        <source>mark files or folders private (returns once their copies are gone)</source>
        <translation>marquer des fichiers ou des dossiers privés (rend la main une fois leurs copies retirées)</translation>
    </message>
    <message>
        <source>remove the explicit rule (inherit again)</source>
        <translation>retirer la règle explicite (hériter de nouveau)</translation>
    </message>
    <message>
        <source>the decision for a path and the rule behind it</source>
        <translation>la décision pour un chemin, et la règle qui la donne</translation>
    </message>
    <message>
        <source>counts, export state, problems</source>
        <translation>comptes, état de l’export, problèmes</translation>
    </message>
    <message>
        <source>one reconcile; exit 0 when the export matches</source>
        <translation>une synchronisation&#xa0;; code 0 quand l’export correspond</translation>
    </message>
    <message>
        <source>re-read the export and the policy; 0 clean, 1 not</source>
        <translation>relire l’export et les règles&#xa0;; 0 si tout est propre, 1 sinon</translation>
    </message>
    <message>
        <source>the ledger: what was shared, when, and whether it still is</source>
        <translation>le journal&#xa0;: ce qui a été partagé, quand, et si ça l’est encore</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>sortie lisible par une machine (JSON)</translation>
    </message>
    <message>
        <source>also decode every exported file (slower; copies are compared with their photos either way)</source>
        <translation>décoder aussi chaque fichier exporté (plus lent&#xa0;; les copies sont comparées à leurs photos dans tous les cas)</translation>
    </message>
    <message>
        <source>sync, then follow changes until SIGINT/SIGTERM</source>
        <translation>synchroniser, puis suivre les changements jusqu’à SIGINT/SIGTERM</translation>
    </message>
    <message>
        <source>one JSON object per change</source>
        <translation>un objet JSON par changement</translation>
    </message>
    <message>
        <source>sandboxed apps and what of the library each can read</source>
        <translation>les applications en bac à sable et ce que chacune peut lire de la photothèque</translation>
    </message>
    <message>
        <source>prove it inside each app&apos;s own sandbox (all apps, or those named)</source>
        <translation>le prouver dans le bac à sable de chaque application (toutes, ou celles nommées)</translation>
    </message>
    <message>
        <source>limit apps to the export folder (read-only)</source>
        <translation>limiter des applications au dossier d’export (en lecture seule)</translation>
    </message>
    <message>
        <source>restore exactly what the user had</source>
        <translation>rétablir exactement ce que l’utilisateur avait</translation>
    </message>
    <message>
        <source>every app Pellicle restricted</source>
        <translation>toutes les applications que Pellicle a restreintes</translation>
    </message>
    <message>
        <source>every installed app that can read the library</source>
        <translation>toutes les applications installées qui peuvent lire la photothèque</translation>
    </message>
    <message>
        <source>even if its override was changed by hand since</source>
        <translation>même si sa surcharge a été modifiée à la main depuis</translation>
    </message>
    <message>
        <source>run a program that sees the export, not the library</source>
        <translation>lancer un programme qui voit l’export, pas la photothèque</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>erreur inattendue&#xa0;: {error}</translation>
    </message>
    <message>
        <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session, or use a command such as: pellicle status</source>
        <translation>aucun écran où ouvrir la fenêtre (DISPLAY et WAYLAND_DISPLAY ne sont pas définies)&#xa0;; lancez-le dans une session de bureau, ou utilisez une commande comme&#xa0;: pellicle status</translation>
    </message>
    <message>
        <source>the desktop app cannot start: {error}</source>
        <translation>l’application de bureau ne peut pas démarrer&#xa0;: {error}</translation>
    </message>
    <message>
        <source>library: {folders}</source>
        <translation>photothèque&#xa0;: {folders}</translation>
    </message>
    <message>
        <source>export folder: {path}</source>
        <translation>dossier d’export&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Everything is private until you mark it shareable (pellicle share PATH).</source>
        <translation>Tout reste privé tant que vous ne le marquez pas partageable (pellicle share CHEMIN).</translation>
    </message>
    <message>
        <source>exported as: {path}</source>
        <translation>exportée sous le nom&#xa0;: {path}</translation>
    </message>
    <message>
        <source>library: {folder} ({state})</source>
        <translation>photothèque&#xa0;: {folder} ({state})</translation>
    </message>
    <message>
        <source>photos: {photos} ({shareable}, {private}); exported: {exported}</source>
        <translation>photos&#xa0;: {photos} ({shareable}, {private})&#xa0;; exportées&#xa0;: {exported}</translation>
    </message>
    <message numerus="yes">
        <source>%n shareable</source>
        <translation>
            <numerusform>%n partageable</numerusform>
            <numerusform>%n partageables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private</source>
        <translation>
            <numerusform>%n privée</numerusform>
            <numerusform>%n privées</numerusform>
        </translation>
    </message>
    <message>
        <source>export: in sync</source>
        <translation>export&#xa0;: à jour</translation>
    </message>
    <message>
        <source>export: {add} to add, {update} to update, {remove} to remove (run pellicle sync)</source>
        <translation>export&#xa0;: {add} à ajouter, {update} à mettre à jour, {remove} à retirer (lancez pellicle sync)</translation>
    </message>
    <message>
        <source>problem: {path}: {reason}</source>
        <translation>problème&#xa0;: {path}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>not exported: %n shareable photo(s) (pellicle sync lists them)</source>
        <translation>
            <numerusform>non exportée&#xa0;: %n photo partageable (pellicle sync la cite)</numerusform>
            <numerusform>non exportées&#xa0;: %n photos partageables (pellicle sync les liste)</numerusform>
        </translation>
    </message>
    <message>
        <source>not written by Pellicle (left alone): {path}</source>
        <translation>pas écrit par Pellicle (laissé tel quel)&#xa0;: {path}</translation>
    </message>
    <message>
        <source>warning: cannot tell which apps can read your library: {error}</source>
        <translation>attention&#xa0;: impossible de savoir quelles applications peuvent lire votre photothèque&#xa0;: {error}</translation>
    </message>
    <message>
        <source>warning: the app {name} ({app}) can read your library (through: {through}); run: pellicle restrict {app}</source>
        <translation>attention&#xa0;: l’application {name} ({app}) peut lire votre photothèque (par&#xa0;: {through})&#xa0;; lancez&#xa0;: pellicle restrict {app}</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>surveillée par relecture</translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}</source>
        <translation>ajoutées&#xa0;: {added}, mises à jour&#xa0;: {updated}, retirées&#xa0;: {removed}</translation>
    </message>
    <message>
        <source>not exported: {path}: {reason}</source>
        <translation>non exportée&#xa0;: {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>paused (library folder unreachable): {folder}</source>
        <translation>en pause (dossier de la photothèque inaccessible)&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>export: not in sync</source>
        <translation>export&#xa0;: pas à jour</translation>
    </message>
    <message>
        <source>problem: {problem}</source>
        <translation>problème&#xa0;: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>checked %n exported file(s)</source>
        <translation>
            <numerusform>%n fichier exporté vérifié</numerusform>
            <numerusform>%n fichiers exportés vérifiés</numerusform>
        </translation>
    </message>
    <message>
        <source>{checked}: clean</source>
        <translation>{checked}&#xa0;: tout est propre</translation>
    </message>
    <message>
        <source>{checked}: {problems}</source>
        <translation>{checked}&#xa0;: {problems}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>add</source>
        <translation>ajout</translation>
    </message>
    <message>
        <source>update</source>
        <translation>mise à jour</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>retrait</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>renommage</translation>
    </message>
    <message>
        <source>{when} {what}</source>
        <translation>{when} {what}</translation>
    </message>
    <message numerus="yes">
        <source>%n still shared</source>
        <translation>
            <numerusform>%n toujours partagée</numerusform>
            <numerusform>%n toujours partagées</numerusform>
        </translation>
    </message>
    <message>
        <source>none still shared</source>
        <translation>plus aucune partagée</translation>
    </message>
    <message>
        <source>{when} {what} ({now})</source>
        <translation>{when} {what} ({now})</translation>
    </message>
    <message>
        <source>{when} {action} {copy} &lt;- {source}: {reason}</source>
        <translation>{when} {action} {copy} &lt;- {source}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{line} (still shared)</source>
        <translation>{line} (toujours partagée)</translation>
    </message>
    <message>
        <source>{what}: {done}/{total}</source>
        <translation>{what}&#xa0;: {done}/{total}</translation>
    </message>
    <message>
        <source>{what}: {done}</source>
        <translation>{what}&#xa0;: {done}</translation>
    </message>
    <message>
        <source>can read your library (through: {through})</source>
        <translation>peut lire votre photothèque (par&#xa0;: {through})</translation>
    </message>
    <message>
        <source>{text}; restricted by Pellicle, but its permissions changed since</source>
        <translation>{text}&#xa0;; restreinte par Pellicle, mais ses permissions ont changé depuis</translation>
    </message>
    <message>
        <source>sees only the export folder (and can write to it)</source>
        <translation>ne voit que le dossier d’export (et peut y écrire)</translation>
    </message>
    <message>
        <source>sees only the export folder</source>
        <translation>ne voit que le dossier d’export</translation>
    </message>
    <message>
        <source>cannot read your library</source>
        <translation>ne peut pas lire votre photothèque</translation>
    </message>
    <message>
        <source>{text} (restricted by Pellicle)</source>
        <translation>{text} (restreinte par Pellicle)</translation>
    </message>
    <message>
        <source>{text}; {change}</source>
        <translation>{text}&#xa0;; {change}</translation>
    </message>
    <message>
        <source>{reason}: no sandboxed apps to list</source>
        <translation>{reason}&#xa0;: aucune application en bac à sable à lister</translation>
    </message>
    <message>
        <source>no Flatpak apps installed</source>
        <translation>aucune application Flatpak installée</translation>
    </message>
    <message>
        <source>verified: {result}</source>
        <translation>vérifié&#xa0;: {result}</translation>
    </message>
    <message>
        <source>problem: it sees the library although its permissions say it cannot</source>
        <translation>problème&#xa0;: elle voit la photothèque alors que ses permissions disent le contraire</translation>
    </message>
    <message>
        <source>name apps or use --all, not both (see pellicle {command} --help)</source>
        <translation>nommez des applications ou utilisez --all, pas les deux (voir pellicle {command} --help)</translation>
    </message>
    <message>
        <source>name the apps to restrict, or use --all (see: pellicle apps)</source>
        <translation>nommez les applications à restreindre, ou utilisez --all (voir&#xa0;: pellicle apps)</translation>
    </message>
    <message>
        <source>name the apps to unrestrict, or use --all (see: pellicle apps)</source>
        <translation>nommez les applications à libérer, ou utilisez --all (voir&#xa0;: pellicle apps)</translation>
    </message>
    <message>
        <source>no installed app can read your library; nothing to restrict</source>
        <translation>aucune application installée ne peut lire votre photothèque&#xa0;; rien à restreindre</translation>
    </message>
    <message>
        <source>{app}: restricted to the export folder (read-only)</source>
        <translation>{app}&#xa0;: limitée au dossier d’export (en lecture seule)</translation>
    </message>
    <message>
        <source>verified ({installation}): {result}</source>
        <translation>vérifié ({installation})&#xa0;: {result}</translation>
    </message>
    <message>
        <source>{app} can still see the library</source>
        <translation>{app} voit encore la photothèque</translation>
    </message>
    <message>
        <source>no app is restricted by Pellicle; nothing to undo</source>
        <translation>aucune application n’est restreinte par Pellicle&#xa0;; rien à annuler</translation>
    </message>
    <message>
        <source>{app}: its permissions are back as they were before Pellicle</source>
        <translation>{app}&#xa0;: ses permissions sont redevenues celles d’avant Pellicle</translation>
    </message>
</context>
<context>
    <name>core.checker</name>
    <message>
        <source>not written by Pellicle: {path}</source>
        <translation>pas écrit par Pellicle&#xa0;: {path}</translation>
    </message>
    <message>
        <source>exported but should not be: {path} ({reason})</source>
        <translation>exportée alors qu’elle ne devrait pas l’être&#xa0;: {path} ({reason})</translation>
    </message>
    <message>
        <source>missing or out of date: {path} ({reason})</source>
        <translation>absente ou périmée&#xa0;: {path} ({reason})</translation>
    </message>
    <message>
        <source>staging folder {name} is left over</source>
        <translation>le dossier de préparation {name} est resté en place</translation>
    </message>
    <message>
        <source>checking exported copies</source>
        <translation>vérification des copies exportées</translation>
    </message>
    <message>
        <source>altered since export: {path}</source>
        <translation>modifiée depuis l’export&#xa0;: {path}</translation>
    </message>
    <message>
        <source>cannot read the exported copy: {path}: {error}</source>
        <translation>impossible de lire la copie exportée&#xa0;: {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot read it: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>fails the export check: {path}: {error}</source>
        <translation>échoue à la vérification de l’export&#xa0;: {path}&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.decisions</name>
    <message>
        <source>it is the video of the Live Photo {name}, which is private: {reason}</source>
        <translation>c’est la vidéo de la Live Photo {name}, qui est privée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>it is the video of the Live Photo {name}; Live Photo videos are not exported (Settings: Include Live Photo videos)</source>
        <translation>c’est la vidéo de la Live Photo {name}&#xa0;; les vidéos des Live Photos ne sont pas exportées (Paramètres&#xa0;: Inclure les vidéos des Live Photos)</translation>
    </message>
    <message>
        <source>it is the video of the Live Photo {name}, and {reason}</source>
        <translation>c’est la vidéo de la Live Photo {name}, et {reason}</translation>
    </message>
    <message>
        <source>it is a link to a file outside the library</source>
        <translation>c’est un lien vers un fichier hors de la photothèque</translation>
    </message>
    <message>
        <source>it is a link to {place}, and {reason}</source>
        <translation>c’est un lien vers {place}, et {reason}</translation>
    </message>
</context>
<context>
    <name>core.engine</name>
    <message>
        <source>export folder moved</source>
        <translation>le dossier d’export a changé</translation>
    </message>
    <message>
        <source>the rule is in force, but another Pellicle process is writing the export; it removes the affected copies itself (pellicle status shows when)</source>
        <translation>la règle s’applique, mais un autre processus Pellicle écrit dans l’export&#xa0;; il retirera lui-même les copies concernées (pellicle status dit quand)</translation>
    </message>
    <message>
        <source>the rule is in force, but {error}; the next sync that can will remove them</source>
        <translation>la règle s’applique, mais {error}&#xa0;; la prochaine synchronisation qui le pourra retirera les copies</translation>
    </message>
</context>
<context>
    <name>core.exportdir</name>
    <message>
        <source>cannot open the export folder {path}: {error}</source>
        <translation>impossible d’ouvrir le dossier d’export {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>refusing unsafe export path {path}</source>
        <translation>chemin d’export dangereux refusé&#xa0;: {path}</translation>
    </message>
    <message>
        <source>{name} in the export folder is not a plain folder (a link or a file is in the way of {path})</source>
        <translation>{name} dans le dossier d’export n’est pas un simple dossier (un lien ou un fichier gêne {path})</translation>
    </message>
    <message>
        <source>a folder stands where the copy {path} was</source>
        <translation>un dossier se trouve là où était la copie {path}</translation>
    </message>
    <message>
        <source>cannot write in the export folder: {error}</source>
        <translation>impossible d’écrire dans le dossier d’export&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{name} in the export folder is not a plain folder; remove it</source>
        <translation>{name} dans le dossier d’export n’est pas un simple dossier&#xa0;; supprimez-le</translation>
    </message>
    <message>
        <source>a folder is in the way of {path}</source>
        <translation>un dossier gêne {path}</translation>
    </message>
    <message>
        <source>a file Pellicle did not write is in the way of {path}</source>
        <translation>un fichier que Pellicle n’a pas écrit gêne {path}</translation>
    </message>
</context>
<context>
    <name>core.exporter</name>
    <message>
        <source>its library folder was removed from Pellicle</source>
        <translation>son dossier a été retiré de la photothèque de Pellicle</translation>
    </message>
    <message>
        <source>the photo is gone from the library</source>
        <translation>la photo n’est plus dans la photothèque</translation>
    </message>
    <message>
        <source>cannot be exported: {problem}</source>
        <translation>ne peut pas être exportée&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>exporting</source>
        <translation>export</translation>
    </message>
    <message>
        <source>{count} exported copies that are no longer shareable could not be removed ({path}: {error})</source>
        <translation>{count} copie(s) exportée(s) qui ne sont plus partageables n’ont pas pu être retirées ({path}&#xa0;: {error})</translation>
    </message>
    <message>
        <source>its library folder cannot be reached (a drive that is away?)</source>
        <translation>son dossier de la photothèque est inaccessible (un disque débranché&#xa0;?)</translation>
    </message>
</context>
<context>
    <name>core.flatpak</name>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>impossible de lire {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>flatpak {command} did not finish in {seconds:.0f} s</source>
        <translation>flatpak {command} ne s’est pas terminé en {seconds:.0f} s</translation>
    </message>
    <message>
        <source>cannot run {program}: {error}</source>
        <translation>impossible de lancer {program}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>flatpak {command} failed: {error}</source>
        <translation>flatpak {command} a échoué&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.folder</name>
    <message>
        <source>shareable: {reason}</source>
        <translation>partageable&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>private: {reason}</source>
        <translation>privé&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>core.formats</name>
    <message>
        <source>Photoshop document: not exported yet</source>
        <translation>document Photoshop&#xa0;: pas encore exporté</translation>
    </message>
    <message>
        <source>BMP image: not exported yet</source>
        <translation>image BMP&#xa0;: pas encore exportée</translation>
    </message>
    <message>
        <source>JPEG XL photo: not exported yet</source>
        <translation>photo JPEG XL&#xa0;: pas encore exportée</translation>
    </message>
    <message>
        <source>JPEG 2000 image: not exported yet</source>
        <translation>image JPEG 2000&#xa0;: pas encore exportée</translation>
    </message>
    <message>
        <source>icon file: not exported yet</source>
        <translation>fichier d’icône&#xa0;: pas encore exporté</translation>
    </message>
    <message>
        <source>BigTIFF image: not exported yet</source>
        <translation>image BigTIFF&#xa0;: pas encore exportée</translation>
    </message>
    <message>
        <source>{format} file: not exported yet</source>
        <translation>fichier {format}&#xa0;: pas encore exporté</translation>
    </message>
</context>
<context>
    <name>core.grants</name>
    <message>
        <source>Flatpak is not installed (no flatpak command on PATH)</source>
        <translation>Flatpak n’est pas installé (pas de commande flatpak dans le PATH)</translation>
    </message>
    <message>
        <source>apps cannot be restricted on this system (no Flatpak; see docs/grants.md): give apps only the export folder</source>
        <translation>impossible de restreindre les applications sur ce système (pas de Flatpak&#xa0;; voir docs/grants.md)&#xa0;: ne donnez aux applications que le dossier d’export</translation>
    </message>
    <message>
        <source>{app} is not a Flatpak application id</source>
        <translation>{app} n’est pas un identifiant d’application Flatpak</translation>
    </message>
    <message>
        <source>{app}: {change}</source>
        <translation>{app}&#xa0;: {change}</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>visible</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>cachée</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>cannot verify: {problem}</source>
        <translation>vérification impossible&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>can see the library ({folders})</source>
        <translation>voit la photothèque ({folders})</translation>
    </message>
    <message>
        <source>cannot see the library</source>
        <translation>ne voit pas la photothèque</translation>
    </message>
    <message>
        <source>library: {states}</source>
        <translation>photothèque&#xa0;: {states}</translation>
    </message>
    <message>
        <source>{folder}: {state}</source>
        <translation>{folder}&#xa0;: {state}</translation>
    </message>
    <message>
        <source>reads the export folder (read-only)</source>
        <translation>lit le dossier d’export (en lecture seule)</translation>
    </message>
    <message>
        <source>reads the export folder (and can write to it)</source>
        <translation>lit le dossier d’export (et peut y écrire)</translation>
    </message>
    <message>
        <source>reads the export folder</source>
        <translation>lit le dossier d’export</translation>
    </message>
    <message>
        <source>cannot read the export folder</source>
        <translation>ne peut pas lire le dossier d’export</translation>
    </message>
    <message>
        <source>the export folder is empty</source>
        <translation>le dossier d’export est vide</translation>
    </message>
    <message>
        <source>export folder: cannot tell</source>
        <translation>dossier d’export&#xa0;: impossible à dire</translation>
    </message>
    <message>
        <source>{library}; {export} (checked with {tool})</source>
        <translation>{library}&#xa0;; {export} (vérifié avec {tool})</translation>
    </message>
    <message>
        <source>its override file was deleted</source>
        <translation>son fichier de surcharge a été supprimé</translation>
    </message>
    <message>
        <source>its override file was changed</source>
        <translation>son fichier de surcharge a été modifié</translation>
    </message>
    <message>
        <source>no installed Flatpak app {app} (see: pellicle apps)</source>
        <translation>aucune application Flatpak installée nommée {app} (voir&#xa0;: pellicle apps)</translation>
    </message>
    <message>
        <source>Pellicle has no library folder yet; run: pellicle init</source>
        <translation>Pellicle n’a pas encore de dossier de photothèque&#xa0;; lancez&#xa0;: pellicle init</translation>
    </message>
    <message>
        <source>changed by hand since Pellicle restricted it, left as it is: {apps} (use --force to restrict it anyway)</source>
        <translation>modifiée à la main depuis que Pellicle l’a restreinte, laissée telle quelle&#xa0;: {apps} (--force pour la restreindre quand même)</translation>
    </message>
    <message>
        <source>flatpak override wrote no override file for {app}</source>
        <translation>flatpak override n’a écrit aucun fichier de surcharge pour {app}</translation>
    </message>
    <message>
        <source>{app} was not restricted by Pellicle; nothing to undo</source>
        <translation>{app} n’a pas été restreinte par Pellicle&#xa0;; rien à annuler</translation>
    </message>
    <message>
        <source>{app}: Pellicle&apos;s copy of the original override is unreadable ({error}); nothing changed</source>
        <translation>{app}&#xa0;: la copie de la surcharge d’origine gardée par Pellicle est illisible ({error})&#xa0;; rien n’a changé</translation>
    </message>
    <message>
        <source>{app}: Pellicle&apos;s copy of the original override was altered; nothing changed</source>
        <translation>{app}&#xa0;: la copie de la surcharge d’origine gardée par Pellicle a été modifiée&#xa0;; rien n’a changé</translation>
    </message>
    <message>
        <source>changed by hand since Pellicle restricted it, left as it is: {apps} (use --force to restore the original anyway)</source>
        <translation>modifiée à la main depuis que Pellicle l’a restreinte, laissée telle quelle&#xa0;: {apps} (--force pour rétablir l’original quand même)</translation>
    </message>
    <message>
        <source>its runtime is not installed</source>
        <translation>son environnement d’exécution n’est pas installé</translation>
    </message>
    <message>
        <source>its runtime ships none of {tools}</source>
        <translation>son environnement d’exécution ne fournit aucun de ces outils&#xa0;: {tools}</translation>
    </message>
    <message>
        <source>added {items}</source>
        <translation>ajouté {items}</translation>
    </message>
    <message>
        <source>removed {items}</source>
        <translation>retiré {items}</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>réordonné</translation>
    </message>
    <message>
        <source>[{group}] {key}: {changes}</source>
        <translation>[{group}] {key}&#xa0;: {changes}</translation>
    </message>
    <message>
        <source>its override was changed by hand ({changes})</source>
        <translation>sa surcharge a été modifiée à la main ({changes})</translation>
    </message>
    <message>
        <source>formatting</source>
        <translation>mise en forme</translation>
    </message>
</context>
<context>
    <name>core.imaging</name>
    <message>
        <source>{what} {problem}</source>
        <translation>{what}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>invalid dimensions {width}x{height}</source>
        <translation>dimensions invalides {width}x{height}</translation>
    </message>
    <message>
        <source>image too large: {width}x{height} pixels</source>
        <translation>image trop grande&#xa0;: {width}x{height} pixels</translation>
    </message>
    <message>
        <source>image too large</source>
        <translation>image trop grande</translation>
    </message>
    <message>
        <source>image too large: {pixels} pixels</source>
        <translation>image trop grande&#xa0;: {pixels} pixels</translation>
    </message>
</context>
<context>
    <name>core.index</name>
    <message>
        <source>scanning {folder}</source>
        <translation>lecture de {folder}</translation>
    </message>
</context>
<context>
    <name>core.inspect</name>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Hidden tracks and data</source>
        <translation>Pistes et données cachées</translation>
    </message>
    <message>
        <source>Camera make</source>
        <translation>Marque de l’appareil</translation>
    </message>
    <message>
        <source>Camera model</source>
        <translation>Modèle de l’appareil</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Logiciel</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Droits d’auteur</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Prise de vue</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>Numérisée</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>User comment</source>
        <translation>Commentaire de l’utilisateur</translation>
    </message>
    <message>
        <source>Unique image ID</source>
        <translation>Identifiant unique de l’image</translation>
    </message>
    <message>
        <source>Camera owner</source>
        <translation>Propriétaire de l’appareil</translation>
    </message>
    <message>
        <source>Body serial number</source>
        <translation>Numéro de série du boîtier</translation>
    </message>
    <message>
        <source>Lens make</source>
        <translation>Marque de l’objectif</translation>
    </message>
    <message>
        <source>Lens model</source>
        <translation>Modèle de l’objectif</translation>
    </message>
    <message>
        <source>Lens serial number</source>
        <translation>Numéro de série de l’objectif</translation>
    </message>
    <message>
        <source>Person in image</source>
        <translation>Personne sur l’image</translation>
    </message>
    <message>
        <source>Named face</source>
        <translation>Visage nommé</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Créateur</translation>
    </message>
    <message>
        <source>GPS latitude (XMP)</source>
        <translation>Latitude GPS (XMP)</translation>
    </message>
    <message>
        <source>GPS longitude (XMP)</source>
        <translation>Longitude GPS (XMP)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Document ID</source>
        <translation>Identifiant du document</translation>
    </message>
    <message>
        <source>Original document ID</source>
        <translation>Identifiant du document d’origine</translation>
    </message>
    <message>
        <source>By-line</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>the video and sound, byte for byte (not re-encoded)</source>
        <translation>l’image et le son de la vidéo, octet pour octet (sans réencodage)</translation>
    </message>
    <message>
        <source>which way up it plays (rotation), its colour and HDR information</source>
        <translation>son sens de lecture (rotation), ses informations de couleur et HDR</translation>
    </message>
    <message>
        <source>the recording date (you opted in)</source>
        <translation>la date d’enregistrement (vous l’avez choisi)</translation>
    </message>
    <message>
        <source>the picture, re-encoded as a high-quality JPEG</source>
        <translation>l’image, réencodée en JPEG de haute qualité</translation>
    </message>
    <message>
        <source>its colours: the colour profile, or converted to sRGB (HDR toned down)</source>
        <translation>ses couleurs&#xa0;: le profil de couleur, ou une conversion en sRGB (HDR atténué)</translation>
    </message>
    <message>
        <source>the picture as a JPEG: the camera&apos;s own full-size preview, or rendered</source>
        <translation>l’image en JPEG&#xa0;: l’aperçu pleine taille de l’appareil, ou un rendu</translation>
    </message>
    <message>
        <source>the picture&apos;s pixels, untouched</source>
        <translation>les pixels de l’image, intacts</translation>
    </message>
    <message>
        <source>the colour profile</source>
        <translation>le profil de couleur</translation>
    </message>
    <message>
        <source>which way up it is displayed (orientation)</source>
        <translation>son sens d’affichage (orientation)</translation>
    </message>
    <message>
        <source>the capture date (you opted in)</source>
        <translation>la date de prise de vue (vous l’avez choisi)</translation>
    </message>
    <message>
        <source>its EXIF block could not be read</source>
        <translation>son bloc EXIF n’a pas pu être lu</translation>
    </message>
    <message>
        <source>its XMP block could not be read</source>
        <translation>son bloc XMP n’a pas pu être lu</translation>
    </message>
    <message>
        <source>its IPTC block could not be read</source>
        <translation>son bloc IPTC n’a pas pu être lu</translation>
    </message>
    <message>
        <source>its comment could not be read</source>
        <translation>son commentaire n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Maker note</source>
        <translation>Note du fabricant</translation>
    </message>
    <message>
        <source>{count} bytes of vendor data</source>
        <translation>{count} octets de données du fabricant</translation>
    </message>
    <message>
        <source>{track} (&apos;{codec}&apos;, 1 sample)</source>
        <translation>{track} (« {codec} », 1 échantillon)</translation>
    </message>
    <message>
        <source>{track} (&apos;{codec}&apos;, {samples} samples)</source>
        <translation>{track} (« {codec} », {samples} échantillons)</translation>
    </message>
    <message>
        <source>Track the export drops</source>
        <translation>Piste que l’export retire</translation>
    </message>
    <message>
        <source>Camera model (DNG)</source>
        <translation>Modèle de l’appareil (DNG)</translation>
    </message>
    <message>
        <source>Original file name</source>
        <translation>Nom du fichier d’origine</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>GPS position</source>
        <translation>Position GPS</translation>
    </message>
    <message>
        <source>GPS method</source>
        <translation>Méthode GPS</translation>
    </message>
    <message>
        <source>GPS area</source>
        <translation>Zone GPS</translation>
    </message>
    <message>
        <source>GPS date</source>
        <translation>Date GPS</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>{count} GPS fields</source>
        <translation>{count} champs GPS</translation>
    </message>
    <message>
        <source>Embedded thumbnail</source>
        <translation>Vignette intégrée</translation>
    </message>
    <message>
        <source>a small copy of the photo inside its EXIF</source>
        <translation>une petite copie de la photo dans ses données EXIF</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Text ({key})</source>
        <translation>Texte ({key})</translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>damaged RAW: its camera metadata could not be read</source>
        <translation>RAW endommagé&#xa0;: ses métadonnées d’appareil n’ont pas pu être lues</translation>
    </message>
    <message>
        <source>this kind of RAW&apos;s metadata is not read yet</source>
        <translation>les métadonnées de ce type de RAW ne sont pas encore lues</translation>
    </message>
    <message>
        <source>no readable camera metadata</source>
        <translation>aucune métadonnée d’appareil lisible</translation>
    </message>
    <message>
        <source>no Canon metadata found</source>
        <translation>aucune métadonnée Canon trouvée</translation>
    </message>
    <message>
        <source>GPS position (©xyz)</source>
        <translation>Position GPS (©xyz)</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Encodeur</translation>
    </message>
    <message>
        <source>Recorded (©day)</source>
        <translation>Enregistrée (©day)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informations</translation>
    </message>
    <message>
        <source>Track name</source>
        <translation>Nom de la piste</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Writer</source>
        <translation>Scénariste</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Réalisateur</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Nom du lieu</translation>
    </message>
    <message>
        <source>Recorded (creationdate)</source>
        <translation>Enregistrée (creationdate)</translation>
    </message>
    <message>
        <source>Recorded (creation_time)</source>
        <translation>Enregistrée (creation_time)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Live Photo identifier</source>
        <translation>Identifiant de Live Photo</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>damaged video: {error}</source>
        <translation>vidéo endommagée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>boxes nested too deep</source>
        <translation>boîtes imbriquées trop profondément</translation>
    </message>
    <message>
        <source>{count:,} bytes</source>
        <translation>{count:,} octets</translation>
    </message>
    <message>
        <source>Created (movie header)</source>
        <translation>Créée (en-tête du film)</translation>
    </message>
    <message>
        <source>Modified (movie header)</source>
        <translation>Modifiée (en-tête du film)</translation>
    </message>
    <message>
        <source>Created (track header)</source>
        <translation>Créée (en-tête de piste)</translation>
    </message>
    <message>
        <source>Modified (track header)</source>
        <translation>Modifiée (en-tête de piste)</translation>
    </message>
    <message>
        <source>Created (media header)</source>
        <translation>Créée (en-tête du média)</translation>
    </message>
    <message>
        <source>Modified (media header)</source>
        <translation>Modifiée (en-tête du média)</translation>
    </message>
    <message>
        <source>Vendor box &apos;uuid&apos;</source>
        <translation>Boîte de fabricant « uuid »</translation>
    </message>
    <message>
        <source>Vendor box &apos;uuid&apos; in the movie</source>
        <translation>Boîte de fabricant « uuid » dans le film</translation>
    </message>
    <message>
        <source>Vendor box &apos;uuid&apos; in the user data</source>
        <translation>Boîte de fabricant « uuid » dans les données utilisateur</translation>
    </message>
    <message>
        <source>damaged video: its boxes could not be read</source>
        <translation>vidéo endommagée&#xa0;: ses boîtes n’ont pas pu être lues</translation>
    </message>
    <message>
        <source>the movie box is too large to read</source>
        <translation>la boîte du film est trop grande pour être lue</translation>
    </message>
    <message>
        <source>Leftover data in padding</source>
        <translation>Données restées dans le remplissage</translation>
    </message>
    <message>
        <source>Vendor box &apos;{box}&apos;</source>
        <translation>Boîte de fabricant « {box} »</translation>
    </message>
    <message>
        <source>Samsung trailer (SEFT), {count:,} bytes</source>
        <translation>données de fin Samsung (SEFT), {count:,} octets</translation>
    </message>
    <message>
        <source>Data after the end of the video</source>
        <translation>Données après la fin de la vidéo</translation>
    </message>
    <message>
        <source>not a readable video: it has no movie box</source>
        <translation>vidéo illisible&#xa0;: elle n’a pas de boîte de film</translation>
    </message>
    <message>
        <source>too many boxes</source>
        <translation>trop de boîtes</translation>
    </message>
    <message>
        <source>box &apos;{box}&apos; cut short</source>
        <translation>boîte « {box} » coupée</translation>
    </message>
    <message>
        <source>box &apos;{box}&apos; does not fit</source>
        <translation>la boîte « {box} » ne tient pas</translation>
    </message>
    <message>
        <source>Track handler name</source>
        <translation>Nom du gestionnaire de piste</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vidéo</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>GoPro telemetry: GPS and motion sensors</source>
        <translation>télémétrie GoPro&#xa0;: GPS et capteurs de mouvement</translation>
    </message>
    <message>
        <source>camera motion</source>
        <translation>mouvements de l’appareil</translation>
    </message>
    <message>
        <source>timed metadata (still time, motion, location)</source>
        <translation>métadonnées temporelles (instant de la photo, mouvement, lieu)</translation>
    </message>
    <message>
        <source>timed metadata</source>
        <translation>métadonnées temporelles</translation>
    </message>
    <message>
        <source>subtitles or text</source>
        <translation>sous-titres ou texte</translation>
    </message>
    <message>
        <source>timecode</source>
        <translation>code temporel</translation>
    </message>
    <message>
        <source>streaming hints</source>
        <translation>indications de diffusion</translation>
    </message>
    <message>
        <source>data track</source>
        <translation>piste de données</translation>
    </message>
    <message>
        <source>GPS position (3GPP)</source>
        <translation>Position GPS (3GPP)</translation>
    </message>
    <message>
        <source>Text &apos;{box}&apos;</source>
        <translation>Texte « {box} »</translation>
    </message>
    <message>
        <source>Vendor data &apos;{box}&apos;</source>
        <translation>Données de fabricant « {box} »</translation>
    </message>
    <message>
        <source>metadata key does not fit</source>
        <translation>une clé de métadonnées ne tient pas</translation>
    </message>
    <message>
        <source>Item &apos;{box}&apos;</source>
        <translation>Élément « {box} »</translation>
    </message>
    <message>
        <source>Key {key}</source>
        <translation>Clé {key}</translation>
    </message>
    <message>
        <source>{count:,} bytes: {text}</source>
        <translation>{count:,} octets&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>core.ledger</name>
    <message>
        <source>Shared 1 photo from {folder}</source>
        <translation>1 photo partagée depuis {folder}</translation>
    </message>
    <message>
        <source>Shared {count} photos from {folder}</source>
        <translation>{count} photos partagées depuis {folder}</translation>
    </message>
    <message>
        <source>Shared 1 photo</source>
        <translation>1 photo partagée</translation>
    </message>
    <message>
        <source>Shared {count} photos</source>
        <translation>{count} photos partagées</translation>
    </message>
    <message>
        <source>Updated 1 copy</source>
        <translation>1 copie mise à jour</translation>
    </message>
    <message>
        <source>Updated {count} copies</source>
        <translation>{count} copies mises à jour</translation>
    </message>
    <message>
        <source>Updated 1 copy (the photo changed)</source>
        <translation>1 copie mise à jour (la photo a changé)</translation>
    </message>
    <message>
        <source>Updated {count} copies (the photos changed)</source>
        <translation>{count} copies mises à jour (les photos ont changé)</translation>
    </message>
    <message>
        <source>Export options changed: 1 copy rewritten</source>
        <translation>Options d’export modifiées&#xa0;: 1 copie réécrite</translation>
    </message>
    <message>
        <source>Export options changed: {count} copies rewritten</source>
        <translation>Options d’export modifiées&#xa0;: {count} copies réécrites</translation>
    </message>
    <message>
        <source>Restored 1 copy that was altered or removed</source>
        <translation>1 copie modifiée ou supprimée rétablie</translation>
    </message>
    <message>
        <source>Restored {count} copies that were altered or removed</source>
        <translation>{count} copies modifiées ou supprimées rétablies</translation>
    </message>
    <message>
        <source>Withdrew 1 photo</source>
        <translation>1 photo retirée</translation>
    </message>
    <message>
        <source>Withdrew {count} photos</source>
        <translation>{count} photos retirées</translation>
    </message>
    <message>
        <source>Withdrew 1 photo (no longer shareable)</source>
        <translation>1 photo retirée (plus partageable)</translation>
    </message>
    <message>
        <source>Withdrew {count} photos (no longer shareable)</source>
        <translation>{count} photos retirées (plus partageables)</translation>
    </message>
    <message>
        <source>Withdrew 1 photo (gone from the library)</source>
        <translation>1 photo retirée (disparue de la photothèque)</translation>
    </message>
    <message>
        <source>Withdrew {count} photos (gone from the library)</source>
        <translation>{count} photos retirées (disparues de la photothèque)</translation>
    </message>
    <message>
        <source>Withdrew 1 photo (its library folder was removed)</source>
        <translation>1 photo retirée (son dossier de la photothèque a été enlevé)</translation>
    </message>
    <message>
        <source>Withdrew {count} photos (their library folder was removed)</source>
        <translation>{count} photos retirées (leur dossier de la photothèque a été enlevé)</translation>
    </message>
    <message>
        <source>Withdrew 1 photo (it can no longer be exported)</source>
        <translation>1 photo retirée (elle ne peut plus être exportée)</translation>
    </message>
    <message>
        <source>Withdrew {count} photos (they can no longer be exported)</source>
        <translation>{count} photos retirées (elles ne peuvent plus être exportées)</translation>
    </message>
    <message>
        <source>Export names changed: 1 copy renamed</source>
        <translation>Noms d’export modifiés&#xa0;: 1 copie renommée</translation>
    </message>
    <message>
        <source>Export names changed: {count} copies renamed</source>
        <translation>Noms d’export modifiés&#xa0;: {count} copies renommées</translation>
    </message>
    <message>
        <source>Export folder changed: 1 copy withdrawn from the old folder</source>
        <translation>Dossier d’export changé&#xa0;: 1 copie retirée de l’ancien dossier</translation>
    </message>
    <message>
        <source>Export folder changed: {count} copies withdrawn from the old folder</source>
        <translation>Dossier d’export changé&#xa0;: {count} copies retirées de l’ancien dossier</translation>
    </message>
</context>
<context>
    <name>core.library</name>
    <message>
        <source>Pellicle has no library yet; run: pellicle init --library DIR --export DIR</source>
        <translation>Pellicle n’a pas encore de photothèque&#xa0;; lancez&#xa0;: pellicle init --library DOSSIER --export DOSSIER</translation>
    </message>
    <message>
        <source>give at least one --library folder</source>
        <translation>donnez au moins un dossier --library</translation>
    </message>
    <message>
        <source>library folder {path} does not exist or is not a folder</source>
        <translation>le dossier de photothèque {path} n’existe pas ou n’est pas un dossier</translation>
    </message>
    <message>
        <source>library folders overlap: {first} and {second}</source>
        <translation>des dossiers de la photothèque se chevauchent&#xa0;: {first} et {second}</translation>
    </message>
    <message>
        <source>{path} holds Pellicle&apos;s export folder {export}; a library folder must lie apart from it</source>
        <translation>{path} contient le dossier d’export de Pellicle {export}&#xa0;; un dossier de photothèque doit en être séparé</translation>
    </message>
    <message>
        <source>the export folder {export} lies inside the library {path}</source>
        <translation>le dossier d’export {export} se trouve dans la photothèque {path}</translation>
    </message>
    <message>
        <source>the library {path} lies inside the export folder {export}</source>
        <translation>la photothèque {path} se trouve dans le dossier d’export {export}</translation>
    </message>
    <message>
        <source>the export folder {export} is a file, not a folder</source>
        <translation>le dossier d’export {export} est un fichier, pas un dossier</translation>
    </message>
    <message>
        <source>the export folder {export} is a link; give the real folder</source>
        <translation>le dossier d’export {export} est un lien&#xa0;; donnez le vrai dossier</translation>
    </message>
    <message>
        <source>the export folder {export} is not writable</source>
        <translation>impossible d’écrire dans le dossier d’export {export}</translation>
    </message>
</context>
<context>
    <name>core.lock</name>
    <message>
        <source>another Pellicle process is writing the export (waited {seconds:.0f} s); try again when it is done</source>
        <translation>un autre processus Pellicle écrit dans l’export (attente de {seconds:.0f} s)&#xa0;; réessayez quand il aura fini</translation>
    </message>
</context>
<context>
    <name>core.oserror</name>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>opération non permise</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>not a directory</source>
        <translation>ce n’est pas un dossier</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>erreur d’entrée-sortie</translation>
    </message>
    <message>
        <source>no space left on device</source>
        <translation>plus de place sur le disque</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>trop de niveaux de liens symboliques</translation>
    </message>
    <message>
        <source>file name too long</source>
        <translation>nom de fichier trop long</translation>
    </message>
    <message>
        <source>device or resource busy</source>
        <translation>périphérique ou ressource occupé</translation>
    </message>
    <message>
        <source>stale file handle</source>
        <translation>descripteur de fichier périmé</translation>
    </message>
    <message>
        <source>no such device or address</source>
        <translation>périphérique ou adresse introuvable</translation>
    </message>
    <message>
        <source>no such device</source>
        <translation>périphérique introuvable</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>quota de disque dépassé</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>délai de connexion dépassé</translation>
    </message>
</context>
<context>
    <name>core.overview</name>
    <message>
        <source>{sentence} (not exported: {problem})</source>
        <translation>{sentence} (non exportée&#xa0;: {problem})</translation>
    </message>
    <message>
        <source>not a photo</source>
        <translation>ce n’est pas une photo</translation>
    </message>
    <message>
        <source>cannot read this folder: {error}</source>
        <translation>impossible de lire ce dossier&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.plan</name>
    <message>
        <source>export name changed</source>
        <translation>nom dans l’export changé</translation>
    </message>
    <message>
        <source>no longer shareable</source>
        <translation>n’est plus partageable</translation>
    </message>
    <message>
        <source>photo changed</source>
        <translation>photo modifiée</translation>
    </message>
    <message>
        <source>export options changed</source>
        <translation>options d’export changées</translation>
    </message>
    <message>
        <source>exported copy was altered or removed</source>
        <translation>la copie exportée a été modifiée ou supprimée</translation>
    </message>
    <message>
        <source>shareable</source>
        <translation>partageable</translation>
    </message>
</context>
<context>
    <name>core.policy</name>
    <message>
        <source>shareable: {reason}</source>
        <translation>partageable&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>private: {reason}</source>
        <translation>privée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>library folder {name}</source>
        <translation>le dossier de photothèque {name}</translation>
    </message>
    <message>
        <source>nothing above it is marked, and photos are private by default</source>
        <translation>rien au-dessus n’est marqué, et les photos sont privées par défaut</translation>
    </message>
    <message>
        <source>it could not be compared with {place}, which is marked private and is gone</source>
        <translation>elle n’a pas pu être comparée à {place}, marquée privée et disparue</translation>
    </message>
    <message>
        <source>it could not be compared with {place}, which is marked private and cannot be read now</source>
        <translation>elle n’a pas pu être comparée à {place}, marquée privée et illisible pour l’instant</translation>
    </message>
    <message>
        <source>it could not be compared with your private photos (it cannot be read); Pellicle tries again at every sync</source>
        <translation>elle n’a pas pu être comparée à vos photos privées (elle est illisible)&#xa0;; Pellicle réessaie à chaque synchronisation</translation>
    </message>
    <message>
        <source>it is an exact copy of {place} (now missing), which is marked private</source>
        <translation>c’est une copie exacte de {place} (disparue depuis), marquée privée</translation>
    </message>
    <message>
        <source>it is an exact copy of {place}, which is marked private</source>
        <translation>c’est une copie exacte de {place}, marquée privée</translation>
    </message>
    <message>
        <source>this photo is marked shareable</source>
        <translation>cette photo est marquée partageable</translation>
    </message>
    <message>
        <source>this photo is marked private</source>
        <translation>cette photo est marquée privée</translation>
    </message>
    <message>
        <source>this folder is marked shareable</source>
        <translation>ce dossier est marqué partageable</translation>
    </message>
    <message>
        <source>this folder is marked private</source>
        <translation>ce dossier est marqué privé</translation>
    </message>
    <message>
        <source>folder {place} is marked shareable</source>
        <translation>le dossier {place} est marqué partageable</translation>
    </message>
    <message>
        <source>folder {place} is marked private</source>
        <translation>le dossier {place} est marqué privé</translation>
    </message>
    <message>
        <source>library folder {name} is marked shareable</source>
        <translation>le dossier de photothèque {name} est marqué partageable</translation>
    </message>
    <message>
        <source>library folder {name} is marked private</source>
        <translation>le dossier de photothèque {name} est marqué privé</translation>
    </message>
</context>
<context>
    <name>core.reasons</name>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>{what} needs more memory to decode than is available</source>
        <translation>décoder ce fichier {what} demande plus de mémoire qu’il n’y en a</translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>damaged {what}: part of it is invalid</source>
        <translation>fichier {what} endommagé&#xa0;: une partie n’est pas valide</translation>
    </message>
    <message>
        <source>truncated {what}: the file ends before its image data does</source>
        <translation>fichier {what} tronqué&#xa0;: il s’arrête avant la fin de ses données d’image</translation>
    </message>
    <message>
        <source>not a readable {what} file</source>
        <translation>ce n’est pas un fichier {what} lisible</translation>
    </message>
    <message>
        <source>{what} uses a feature Pellicle cannot decode</source>
        <translation>ce fichier {what} utilise une fonction que Pellicle ne sait pas décoder</translation>
    </message>
    <message>
        <source>damaged {what}: its image data does not decode</source>
        <translation>fichier {what} endommagé&#xa0;: ses données d’image ne se décodent pas</translation>
    </message>
</context>
<context>
    <name>core.rules</name>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} n’existe pas</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>impossible de lire {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{path} is not inside a library folder</source>
        <translation>{path} n’est dans aucun dossier de la photothèque</translation>
    </message>
    <message>
        <source>{path} is hidden; Pellicle skips hidden files and folders</source>
        <translation>{path} est caché&#xa0;; Pellicle ignore les fichiers et dossiers cachés</translation>
    </message>
    <message>
        <source>{path} does not exist and has no rule to clear</source>
        <translation>{path} n’existe pas et n’a pas de règle à retirer</translation>
    </message>
    <message>
        <source>{path} is a library root; only folders can hold rules</source>
        <translation>{path} est la racine d’un dossier de photothèque&#xa0;; seuls les dossiers qu’elle contient peuvent porter des règles</translation>
    </message>
    <message>
        <source>give at least one path</source>
        <translation>donnez au moins un chemin</translation>
    </message>
</context>
<context>
    <name>core.sandbox</name>
    <message>
        <source>no command to run (usage: pellicle run -- COMMAND [ARGS...])</source>
        <translation>aucune commande à lancer (utilisation&#xa0;: pellicle run -- COMMANDE [ARGUMENTS...])</translation>
    </message>
    <message>
        <source>pellicle run needs bubblewrap, which exists only on Linux</source>
        <translation>pellicle run a besoin de bubblewrap, qui n’existe que sous Linux</translation>
    </message>
    <message>
        <source>bubblewrap is not installed (no bwrap command on PATH); install it (Debian/Ubuntu: apt install bubblewrap)</source>
        <translation>bubblewrap n’est pas installé (pas de commande bwrap dans le PATH)&#xa0;; installez-le (Debian/Ubuntu&#xa0;: apt install bubblewrap)</translation>
    </message>
    <message>
        <source>the sandbox could not be set up: {error}</source>
        <translation>le bac à sable n’a pas pu être mis en place&#xa0;: {error}</translation>
    </message>
    <message>
        <source>bwrap exited with {status}</source>
        <translation>bwrap s’est arrêté avec le code {status}</translation>
    </message>
    <message>
        <source>the sandbox could not be set up, nothing was run: {error}</source>
        <translation>le bac à sable n’a pas pu être mis en place, rien n’a été lancé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>no such command: {command}</source>
        <translation>commande introuvable&#xa0;: {command}</translation>
    </message>
    <message>
        <source>cannot start bwrap: {error}</source>
        <translation>impossible de lancer bwrap&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.scan</name>
    <message>
        <source>link to a file outside the library; links are not followed</source>
        <translation>lien vers un fichier hors de la photothèque&#xa0;; les liens ne sont pas suivis</translation>
    </message>
    <message>
        <source>cannot read a file that is no photo by its name</source>
        <translation>impossible de lire un fichier dont le nom n’est pas celui d’une photo</translation>
    </message>
    <message>
        <source>broken link</source>
        <translation>lien cassé</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>fichier vide</translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>not a recognisable image (its content does not match its name)</source>
        <translation>image non reconnue (son contenu ne correspond pas à son nom)</translation>
    </message>
</context>
<context>
    <name>core.scrub</name>
    <message>
        <source>unsupported format: {format}</source>
        <translation>format non pris en charge&#xa0;: {format}</translation>
    </message>
    <message>
        <source>I/O error: {error}</source>
        <translation>erreur d’entrée-sortie&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot open: {error}</source>
        <translation>ouverture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>ce n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>file changed while being read</source>
        <translation>le fichier a changé pendant sa lecture</translation>
    </message>
    <message>
        <source>truncated {format}: {what} past end of file</source>
        <translation>{format} tronqué&#xa0;: le fichier s’arrête avant la fin de ses données</translation>
    </message>
    <message>
        <source>truncated {format}: data past end of file</source>
        <translation>{format} tronqué&#xa0;: des données dépassent la fin du fichier</translation>
    </message>
    <message>
        <source>truncated GIF: no trailer</source>
        <translation>GIF tronqué&#xa0;: pas de marque de fin</translation>
    </message>
    <message>
        <source>corrupt GIF: bad signature</source>
        <translation>GIF endommagé&#xa0;: signature invalide</translation>
    </message>
    <message>
        <source>corrupt GIF: bad LZW code size</source>
        <translation>GIF endommagé&#xa0;: taille de code LZW invalide</translation>
    </message>
    <message>
        <source>corrupt GIF: too many frames</source>
        <translation>GIF endommagé&#xa0;: trop d’images</translation>
    </message>
    <message>
        <source>corrupt GIF: bad graphic control extension</source>
        <translation>GIF endommagé&#xa0;: extension de contrôle graphique invalide</translation>
    </message>
    <message>
        <source>corrupt GIF: unexpected block 0x{block:02X}</source>
        <translation>GIF endommagé&#xa0;: bloc inattendu 0x{block:02X}</translation>
    </message>
    <message>
        <source>corrupt GIF: no image</source>
        <translation>GIF endommagé&#xa0;: aucune image</translation>
    </message>
    <message>
        <source>corrupt JPEG: inconsistent ICC profile chunks</source>
        <translation>JPEG endommagé&#xa0;: morceaux de profil ICC incohérents</translation>
    </message>
    <message>
        <source>corrupt JPEG: no start of image</source>
        <translation>JPEG endommagé&#xa0;: pas de début d’image</translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X} before image data</source>
        <translation>JPEG endommagé&#xa0;: marqueur inattendu 0x{marker:02X} avant les données d’image</translation>
    </message>
    <message>
        <source>corrupt JPEG: bad segment length</source>
        <translation>JPEG endommagé&#xa0;: longueur de segment invalide</translation>
    </message>
    <message>
        <source>corrupt JPEG: too much header data</source>
        <translation>JPEG endommagé&#xa0;: trop de données d’en-tête</translation>
    </message>
    <message>
        <source>unsupported JPEG coding (SOF 0x{marker:02X})</source>
        <translation>codage JPEG non pris en charge (SOF 0x{marker:02X})</translation>
    </message>
    <message>
        <source>corrupt JPEG: more than one frame header</source>
        <translation>JPEG endommagé&#xa0;: plusieurs en-têtes d’image</translation>
    </message>
    <message>
        <source>corrupt JPEG: short frame header</source>
        <translation>JPEG endommagé&#xa0;: en-tête d’image trop court</translation>
    </message>
    <message>
        <source>corrupt JPEG: bad frame header</source>
        <translation>JPEG endommagé&#xa0;: en-tête d’image invalide</translation>
    </message>
    <message>
        <source>corrupt JPEG: scan before frame header</source>
        <translation>JPEG endommagé&#xa0;: balayage avant l’en-tête d’image</translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X}</source>
        <translation>JPEG endommagé&#xa0;: marqueur inattendu 0x{marker:02X}</translation>
    </message>
    <message>
        <source>corrupt JPEG: unexpected marker 0x{marker:02X} between scans</source>
        <translation>JPEG endommagé&#xa0;: marqueur inattendu 0x{marker:02X} entre deux balayages</translation>
    </message>
    <message>
        <source>truncated JPEG: no end of image</source>
        <translation>JPEG tronqué&#xa0;: pas de fin d’image</translation>
    </message>
    <message>
        <source>corrupt JPEG: expected a marker</source>
        <translation>JPEG endommagé&#xa0;: un marqueur était attendu</translation>
    </message>
    <message>
        <source>corrupt JPEG: run of fill bytes</source>
        <translation>JPEG endommagé&#xa0;: suite d’octets de remplissage</translation>
    </message>
    <message>
        <source>corrupt PNG: ICC profile too large</source>
        <translation>PNG endommagé&#xa0;: profil ICC trop grand</translation>
    </message>
    <message>
        <source>corrupt PNG: truncated ICC profile</source>
        <translation>PNG endommagé&#xa0;: profil ICC tronqué</translation>
    </message>
    <message>
        <source>corrupt PNG: bad signature</source>
        <translation>PNG endommagé&#xa0;: signature invalide</translation>
    </message>
    <message>
        <source>corrupt PNG: bad chunk header</source>
        <translation>PNG endommagé&#xa0;: en-tête de bloc invalide</translation>
    </message>
    <message>
        <source>truncated PNG: {chunk} chunk past end of file</source>
        <translation>PNG tronqué&#xa0;: le bloc {chunk} dépasse la fin du fichier</translation>
    </message>
    <message>
        <source>corrupt PNG: IHDR is not first</source>
        <translation>PNG endommagé&#xa0;: IHDR n’est pas en premier</translation>
    </message>
    <message>
        <source>corrupt PNG: too many chunks</source>
        <translation>PNG endommagé&#xa0;: trop de blocs</translation>
    </message>
    <message>
        <source>corrupt PNG: bad iCCP chunk</source>
        <translation>PNG endommagé&#xa0;: bloc iCCP invalide</translation>
    </message>
    <message>
        <source>corrupt PNG: misplaced iCCP chunk</source>
        <translation>PNG endommagé&#xa0;: bloc iCCP mal placé</translation>
    </message>
    <message>
        <source>corrupt PNG: bad IHDR</source>
        <translation>PNG endommagé&#xa0;: IHDR invalide</translation>
    </message>
    <message>
        <source>corrupt PNG: bad CRC in {chunk} chunk</source>
        <translation>PNG endommagé&#xa0;: CRC invalide dans le bloc {chunk}</translation>
    </message>
    <message>
        <source>unsupported PNG: unknown critical chunk {chunk}</source>
        <translation>PNG non pris en charge&#xa0;: bloc critique inconnu {chunk}</translation>
    </message>
    <message>
        <source>corrupt PNG: no image data</source>
        <translation>PNG endommagé&#xa0;: aucune donnée d’image</translation>
    </message>
    <message>
        <source>truncated RAW preview: {what} past end of file</source>
        <translation>aperçu RAW tronqué&#xa0;: le fichier s’arrête avant la fin de ses données</translation>
    </message>
    <message>
        <source>RAW holds no image larger than a placeholder</source>
        <translation>le RAW ne contient aucune image plus grande qu’une vignette</translation>
    </message>
    <message>
        <source>RAW file of a kind LibRaw cannot read</source>
        <translation>fichier RAW d’un type que LibRaw ne sait pas lire</translation>
    </message>
    <message>
        <source>unreadable RAW: {error}</source>
        <translation>RAW illisible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>corrupt TIFF: bad IFD entry count</source>
        <translation>TIFF endommagé&#xa0;: nombre d’entrées IFD invalide</translation>
    </message>
    <message>
        <source>corrupt TIFF: tag values too large</source>
        <translation>TIFF endommagé&#xa0;: valeurs de balise trop grandes</translation>
    </message>
    <message>
        <source>corrupt TIFF: tag {tag} has a non-integer type</source>
        <translation>TIFF endommagé&#xa0;: la balise {tag} n’a pas un type entier</translation>
    </message>
    <message>
        <source>corrupt TIFF: missing tag {tag}</source>
        <translation>TIFF endommagé&#xa0;: balise {tag} absente</translation>
    </message>
    <message>
        <source>a camera RAW file, not a plain TIFF</source>
        <translation>un fichier RAW d’appareil photo, pas un simple TIFF</translation>
    </message>
    <message>
        <source>unsupported TIFF variant (BigTIFF or unknown byte order)</source>
        <translation>variante de TIFF non prise en charge (BigTIFF ou ordre des octets inconnu)</translation>
    </message>
    <message>
        <source>unsupported TIFF compression {compression}</source>
        <translation>compression TIFF non prise en charge&#xa0;: {compression}</translation>
    </message>
    <message>
        <source>corrupt TIFF: no image data</source>
        <translation>TIFF endommagé&#xa0;: aucune donnée d’image</translation>
    </message>
    <message>
        <source>corrupt TIFF: strip offsets and byte counts disagree</source>
        <translation>TIFF endommagé&#xa0;: positions et tailles des bandes incohérentes</translation>
    </message>
    <message>
        <source>truncated TIFF: image data past end of file</source>
        <translation>TIFF tronqué&#xa0;: des données d’image dépassent la fin du fichier</translation>
    </message>
    <message>
        <source>corrupt TIFF: unexpected value in tag {tag}</source>
        <translation>TIFF endommagé&#xa0;: valeur inattendue dans la balise {tag}</translation>
    </message>
    <message>
        <source>unsupported TIFF: too large for a classic TIFF</source>
        <translation>TIFF non pris en charge&#xa0;: trop grand pour un TIFF classique</translation>
    </message>
    <message>
        <source>verification failed: {reason}</source>
        <translation>la vérification a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>verification failed: cannot read the source: {error}</source>
        <extracomment>TIFF only: tag -&gt; (type, count, value bytes) of the copy&apos;s one IFD. TIFF only: the copy&apos;s byte order header (b&quot;II*<byte value="x0"/>&quot; or b&quot;MM<byte value="x0"/>*&quot;).</extracomment>
        <translation>la vérification a échoué&#xa0;: impossible de lire l’original&#xa0;: {error}</translation>
    </message>
    <message>
        <source>unreadable video: {reason}</source>
        <translation>vidéo illisible&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>video box too large</source>
        <translation>boîte vidéo trop grande</translation>
    </message>
    <message>
        <source>boxes nested too deep</source>
        <translation>boîtes imbriquées trop profondément</translation>
    </message>
    <message>
        <source>box header cut short</source>
        <translation>en-tête de boîte coupé</translation>
    </message>
    <message>
        <source>box &apos;{box}&apos; has a size that does not fit</source>
        <translation>la boîte « {box} » a une taille qui ne tient pas</translation>
    </message>
    <message>
        <source>video has no video or audio track</source>
        <translation>la vidéo n’a ni piste vidéo ni piste audio</translation>
    </message>
    <message>
        <source>chunks of samples overlap</source>
        <translation>des blocs d’échantillons se chevauchent</translation>
    </message>
    <message>
        <source>truncated video: samples lie outside the media data</source>
        <translation>vidéo tronquée&#xa0;: des échantillons sont hors des données média</translation>
    </message>
    <message>
        <source>too many top-level boxes</source>
        <translation>trop de boîtes de premier niveau</translation>
    </message>
    <message>
        <source>truncated video: media data past end of file</source>
        <translation>vidéo tronquée&#xa0;: les données média dépassent la fin du fichier</translation>
    </message>
    <message>
        <source>truncated video: movie box past end of file</source>
        <translation>vidéo tronquée&#xa0;: la boîte du film dépasse la fin du fichier</translation>
    </message>
    <message>
        <source>fragmented video (moof): not exported yet</source>
        <translation>vidéo fragmentée (moof)&#xa0;: pas encore exportée</translation>
    </message>
    <message>
        <source>bad file type box</source>
        <translation>boîte de type de fichier invalide</translation>
    </message>
    <message>
        <source>more than one movie box</source>
        <translation>plusieurs boîtes de film</translation>
    </message>
    <message>
        <source>video movie box too large</source>
        <translation>boîte de film trop grande</translation>
    </message>
    <message>
        <source>truncated video: no movie box</source>
        <translation>vidéo tronquée&#xa0;: pas de boîte de film</translation>
    </message>
    <message>
        <source>more than one movie header</source>
        <translation>plusieurs en-têtes de film</translation>
    </message>
    <message>
        <source>too many tracks</source>
        <translation>trop de pistes</translation>
    </message>
    <message>
        <source>no movie header</source>
        <translation>pas d’en-tête de film</translation>
    </message>
    <message>
        <source>bad movie header</source>
        <translation>en-tête de film invalide</translation>
    </message>
    <message>
        <source>bad track header</source>
        <translation>en-tête de piste invalide</translation>
    </message>
    <message>
        <source>bad media header</source>
        <translation>en-tête de média invalide</translation>
    </message>
    <message>
        <source>bad handler box</source>
        <translation>boîte de gestionnaire invalide</translation>
    </message>
    <message>
        <source>track without header or media</source>
        <translation>piste sans en-tête ni média</translation>
    </message>
    <message>
        <source>media without handler</source>
        <translation>média sans gestionnaire</translation>
    </message>
    <message>
        <source>bad edit list</source>
        <translation>liste de montage invalide</translation>
    </message>
    <message>
        <source>edit list size does not match its entries</source>
        <translation>la taille de la liste de montage ne correspond pas à ses entrées</translation>
    </message>
    <message>
        <source>track media incomplete</source>
        <translation>média de piste incomplet</translation>
    </message>
    <message>
        <source>track without sample table or data reference</source>
        <translation>piste sans table d’échantillons ni référence de données</translation>
    </message>
    <message>
        <source>bad data reference</source>
        <translation>référence de données invalide</translation>
    </message>
    <message>
        <source>video refers to media in another file: not exported</source>
        <translation>la vidéo renvoie à un média dans un autre fichier&#xa0;: non exportée</translation>
    </message>
    <message>
        <source>track without data reference</source>
        <translation>piste sans référence de données</translation>
    </message>
    <message>
        <source>encrypted video: not exported</source>
        <translation>vidéo chiffrée&#xa0;: non exportée</translation>
    </message>
    <message>
        <source>more than one &apos;{box}&apos; table</source>
        <translation>plusieurs tables « {box} »</translation>
    </message>
    <message>
        <source>more than one chunk offset table</source>
        <translation>plusieurs tables de positions de blocs</translation>
    </message>
    <message>
        <source>sample table without &apos;{box}&apos;</source>
        <translation>table d’échantillons sans « {box} »</translation>
    </message>
    <message>
        <source>sample table without sizes or chunk offsets</source>
        <translation>table d’échantillons sans tailles ni positions de blocs</translation>
    </message>
    <message>
        <source>sample dependency table does not match the samples</source>
        <translation>la table de dépendances ne correspond pas aux échantillons</translation>
    </message>
    <message>
        <source>bad sample description</source>
        <translation>description d’échantillon invalide</translation>
    </message>
    <message>
        <source>unsupported video codec &apos;{box}&apos;</source>
        <translation>codec vidéo non pris en charge&#xa0;: « {box} »</translation>
    </message>
    <message>
        <source>short video sample description</source>
        <translation>description d’échantillon vidéo trop courte</translation>
    </message>
    <message>
        <source>unsupported audio codec &apos;{box}&apos;</source>
        <translation>codec audio non pris en charge&#xa0;: « {box} »</translation>
    </message>
    <message>
        <source>short audio sample description</source>
        <translation>description d’échantillon audio trop courte</translation>
    </message>
    <message>
        <source>bad audio sample description</source>
        <translation>description d’échantillon audio invalide</translation>
    </message>
    <message>
        <source>stray bytes in a sample description</source>
        <translation>octets parasites dans une description d’échantillon</translation>
    </message>
    <message>
        <source>bad &apos;{box}&apos; table</source>
        <translation>table « {box} » invalide</translation>
    </message>
    <message>
        <source>unknown &apos;{box}&apos; version</source>
        <translation>version de « {box} » inconnue</translation>
    </message>
    <message>
        <source>bad sample size table</source>
        <translation>table des tailles d’échantillons invalide</translation>
    </message>
    <message>
        <source>bad compact sample size table</source>
        <translation>table compacte des tailles d’échantillons invalide</translation>
    </message>
    <message>
        <source>&apos;{box}&apos; table size does not match its entries</source>
        <translation>la taille de la table « {box} » ne correspond pas à ses entrées</translation>
    </message>
    <message>
        <source>bad &apos;{box}&apos; box</source>
        <translation>boîte « {box} » invalide</translation>
    </message>
    <message>
        <source>bad colour box</source>
        <translation>boîte de couleur invalide</translation>
    </message>
    <message>
        <source>bad chunk offset table</source>
        <translation>table des positions de blocs invalide</translation>
    </message>
    <message>
        <source>chunk offset table size does not match its entries</source>
        <translation>la taille de la table des positions de blocs ne correspond pas à ses entrées</translation>
    </message>
    <message>
        <source>bad sample-to-chunk table</source>
        <translation>table échantillons-blocs invalide</translation>
    </message>
    <message>
        <source>sample-to-chunk table names more samples than there are</source>
        <translation>la table échantillons-blocs cite plus d’échantillons qu’il n’y en a</translation>
    </message>
    <message>
        <source>sample-to-chunk table does not match the samples</source>
        <translation>la table échantillons-blocs ne correspond pas aux échantillons</translation>
    </message>
    <message>
        <source>bad sample-to-group box</source>
        <translation>boîte échantillons-groupes invalide</translation>
    </message>
    <message>
        <source>sample-to-group size does not match its entries</source>
        <translation>la taille de la boîte échantillons-groupes ne correspond pas à ses entrées</translation>
    </message>
    <message>
        <source>sample group description cut short</source>
        <translation>description de groupe d’échantillons coupée</translation>
    </message>
    <message>
        <source>sample group description size does not match its entries</source>
        <translation>la taille de la description de groupe ne correspond pas à ses entrées</translation>
    </message>
    <message>
        <source>corrupt WebP: chunk header past end of container</source>
        <translation>WebP endommagé&#xa0;: en-tête de bloc au-delà de la fin du conteneur</translation>
    </message>
    <message>
        <source>truncated WebP: {chunk} chunk past end of container</source>
        <translation>WebP tronqué&#xa0;: le bloc {chunk} dépasse la fin du conteneur</translation>
    </message>
    <message>
        <source>corrupt WebP: too many chunks</source>
        <translation>WebP endommagé&#xa0;: trop de blocs</translation>
    </message>
    <message>
        <source>corrupt WebP: bad VP8 header</source>
        <translation>WebP endommagé&#xa0;: en-tête VP8 invalide</translation>
    </message>
    <message>
        <source>corrupt WebP: bad VP8L header</source>
        <translation>WebP endommagé&#xa0;: en-tête VP8L invalide</translation>
    </message>
    <message>
        <source>corrupt WebP: bad RIFF header</source>
        <translation>WebP endommagé&#xa0;: en-tête RIFF invalide</translation>
    </message>
    <message>
        <source>truncated WebP: file shorter than its RIFF size</source>
        <translation>WebP tronqué&#xa0;: fichier plus court que sa taille RIFF</translation>
    </message>
    <message>
        <source>corrupt WebP: no chunks</source>
        <translation>WebP endommagé&#xa0;: aucun bloc</translation>
    </message>
    <message>
        <source>corrupt WebP: unknown layout</source>
        <translation>WebP endommagé&#xa0;: organisation inconnue</translation>
    </message>
    <message>
        <source>corrupt WebP: ICC profile too large</source>
        <translation>WebP endommagé&#xa0;: profil ICC trop grand</translation>
    </message>
    <message>
        <source>corrupt WebP: animation frame without image</source>
        <translation>WebP endommagé&#xa0;: image d’animation sans contenu</translation>
    </message>
    <message>
        <source>corrupt WebP: animation without frames</source>
        <translation>WebP endommagé&#xa0;: animation sans images</translation>
    </message>
    <message>
        <source>corrupt WebP: no single image</source>
        <translation>WebP endommagé&#xa0;: aucune image</translation>
    </message>
</context>
<context>
    <name>core.store</name>
    <message>
        <source>the state database {path} is damaged ({error}); move it aside to start afresh</source>
        <translation>la base d’état {path} est endommagée ({error})&#xa0;; déplacez-la pour repartir de zéro</translation>
    </message>
    <message>
        <source>the state database {path} was written by a newer Pellicle (schema {version}, this one knows {known}); upgrade Pellicle</source>
        <translation>la base d’état {path} a été écrite par un Pellicle plus récent (schéma {version}, celui-ci connaît le {known})&#xa0;; mettez Pellicle à jour</translation>
    </message>
    <message>
        <source>the state database {path} is busy: another Pellicle process holds it</source>
        <translation>la base d’état {path} est occupée&#xa0;: un autre processus Pellicle la tient</translation>
    </message>
    <message>
        <source>cannot write the state database {path}: {error}</source>
        <translation>impossible d’écrire la base d’état {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>state database error in {path}: {error}</source>
        <translation>erreur de la base d’état {path}&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.sync</name>
    <message>
        <source>removed {path} ({reason})</source>
        <translation>retirée {path} ({reason})</translation>
    </message>
    <message>
        <source>cannot write in the export folder {path}: {error}</source>
        <translation>impossible d’écrire dans le dossier d’export {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>changed since it was scanned; it will be exported on the next sync</source>
        <translation>modifiée depuis sa lecture&#xa0;; elle sera exportée à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>held back by the check of the exported copy: {error}</source>
        <translation>retenue par la vérification de la copie exportée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>cannot re-read the staged copy: {error}</source>
        <translation>impossible de relire la copie préparée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>not staged</source>
        <translation>non préparée</translation>
    </message>
    <message>
        <source>changed while exporting; retried next sync</source>
        <translation>modifiée pendant l’export&#xa0;; nouvel essai à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>added {path} from {source} ({reason})</source>
        <translation>ajoutée {path} depuis {source} ({reason})</translation>
    </message>
    <message>
        <source>updated {path} from {source} ({reason})</source>
        <translation>mise à jour {path} depuis {source} ({reason})</translation>
    </message>
    <message>
        <source>{format} animation too large: {frames} frames of {size} pixels</source>
        <translation>animation {format} trop grande&#xa0;: {frames} images de {size} pixels</translation>
    </message>
    <message>
        <source>{error} ({path})</source>
        <translation>{error} ({path})</translation>
    </message>
</context>
<context>
    <name>core.thumbs</name>
    <message>
        <source>RAW without a preview</source>
        <translation>RAW sans aperçu</translation>
    </message>
    <message>
        <source>RAW preview in an unknown format</source>
        <translation>aperçu RAW dans un format inconnu</translation>
    </message>
    <message>
        <source>no video decoder on this system</source>
        <translation>aucun décodeur vidéo sur ce système</translation>
    </message>
    <message>
        <source>the video has no decodable frame</source>
        <translation>la vidéo n’a aucune image décodable</translation>
    </message>
    <message>
        <source>cannot read: {error}</source>
        <translation>lecture impossible&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>core.watch</name>
    <message>
        <source>{name} must be a number of seconds, not {value}</source>
        <translation>{name} doit être un nombre de secondes, pas {value}</translation>
    </message>
    <message>
        <source>{name} must be a positive number of seconds</source>
        <translation>{name} doit être un nombre de secondes positif</translation>
    </message>
    <message>
        <source>watching 1 library folder</source>
        <translation>surveillance de 1 dossier de la photothèque</translation>
    </message>
    <message>
        <source>watching {count} library folders</source>
        <translation>surveillance de {count} dossiers de la photothèque</translation>
    </message>
    <message>
        <source>stopped watching</source>
        <translation>surveillance arrêtée</translation>
    </message>
    <message>
        <source>the inotify watch limit is reached (raise fs.inotify.max_user_watches)</source>
        <translation>la limite de surveillances inotify est atteinte (augmentez fs.inotify.max_user_watches)</translation>
    </message>
    <message>
        <source>file events are unavailable ({error})</source>
        <translation>les événements de fichiers sont indisponibles ({error})</translation>
    </message>
    <message>
        <source>file events were lost (queue overflow); rescanning</source>
        <translation>des événements de fichiers ont été perdus (file pleine)&#xa0;; nouvelle lecture</translation>
    </message>
    <message>
        <source>cannot follow a move: {error}</source>
        <translation>impossible de suivre un déplacement&#xa0;: {error}</translation>
    </message>
    <message>
        <source>not written by Pellicle (left alone): {path}</source>
        <translation>pas écrit par Pellicle (laissé tel quel)&#xa0;: {path}</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronisation en cours</translation>
    </message>
    <message>
        <source>sync finished</source>
        <translation>synchronisation terminée</translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}, {failed} not exported</source>
        <translation>ajoutées&#xa0;: {added}, mises à jour&#xa0;: {updated}, retirées&#xa0;: {removed}, non exportées&#xa0;: {failed}</translation>
    </message>
    <message>
        <source>added {added}, updated {updated}, removed {removed}</source>
        <translation>ajoutées&#xa0;: {added}, mises à jour&#xa0;: {updated}, retirées&#xa0;: {removed}</translation>
    </message>
    <message>
        <source>{path}: offline (paused; its exported copies stay)</source>
        <translation>{path}&#xa0;: hors ligne (en pause&#xa0;; ses copies exportées restent)</translation>
    </message>
    <message>
        <source>{path}: {why}; polling instead</source>
        <translation>{path}&#xa0;: {why}&#xa0;; relecture régulière à la place</translation>
    </message>
    <message>
        <source>file events stopped working</source>
        <translation>les événements de fichiers ne fonctionnent plus</translation>
    </message>
    <message>
        <source>{path}: events</source>
        <translation>{path}&#xa0;: événements</translation>
    </message>
    <message>
        <source>{path}: polling</source>
        <translation>{path}&#xa0;: relecture régulière</translation>
    </message>
    <message>
        <source>{path}: offline</source>
        <translation>{path}&#xa0;: hors ligne</translation>
    </message>
</context>
</TS>
