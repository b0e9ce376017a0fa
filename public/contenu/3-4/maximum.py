# Fonction censée renvoyer le plus grand nombre d'une liste.
# Elle s'exécute sans message d'erreur... mais donne-t-elle toujours le bon résultat ?

def maximum(liste):
    plus_grand = 0
    for x in liste:
        if x > plus_grand:
            plus_grand = x
    return plus_grand


# Quelques essais (à compléter) :
print(maximum([3, 8, 5]))      # on attend 8
print(maximum([0, 7, 7]))      # on attend 7
