# Abreviaturas que acaban en punto sin acabar la oración: Spanish's sentence rules.
# One a line. A "*" after it marks one that may also end a sentence: the
# sentence then ends there when the next word starts with a capital letter.
# A lone capital and its full stop ("D.", "J.") is an initial already.
# Tratamientos y cargos ante un nombre
Sr.
Sra.
Srta.
Sres.
Sras.
Dña.
Dr.
Dra.
Lic.
Ing.
Prof.
Profa.
Excmo.
Excma.
Ilmo.
Ilma.
Mons.
Gral.
Cnel.
Tte.
Sto.
Sta.
Ud.
Uds.
Vd.
Vds.
# Números y cantidades ("n.º" ends in "º": no break there)
n.
núm.
Núm.
nro.
pág.
Pág.
págs.
art.
Art.
arts.
aprox.
mill.
mín.
máx.
tel.
Tel.
vol.
cap.
fig.
ed.
# Direcciones
sr.
sra.
dr.
dra.
ud.
uds.
avd.
ctra.
Ctra.
rbla.
Rbla.
pl.
esq.
blvd.
av.
Av.
avda.
Avda.
pza.
Pza.
dcha.
izq.
dpto.
Dpto.
apdo.
prov.
# Meses abreviados
ene.
feb.
abr.
jun.
jul.
ago.
sep.
sept.
oct.
nov.
dic.
# En la frase: the halves of "p. ej.", "EE. UU.", "a. C.", "d. C.", "a. m.", "p. m."
p.
ej.
a.
d.
m. *
EE.
UU. *
s.
ss.
vs.
cía.
Cía.
etc. *
h. *
